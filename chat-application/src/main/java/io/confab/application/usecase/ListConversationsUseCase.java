package io.confab.application.usecase;

import io.confab.domain.ListedConversation;
import io.confab.domain.Page;
import io.confab.domain.UserId;
import io.confab.domain.port.ConversationQuery;

/** Lists a user's live conversations, newest activity first, each with its newest message. */
public interface ListConversationsUseCase {

    Page<ListedConversation> list(UserId owner, ConversationQuery query);
}
