package io.confab.application.usecase;

import io.confab.domain.Conversation;
import io.confab.domain.Page;
import io.confab.domain.UserId;
import io.confab.domain.port.ConversationQuery;

/** Lists a user's live conversations, newest activity first. */
public interface ListConversationsUseCase {

    Page<Conversation> list(UserId owner, ConversationQuery query);
}
