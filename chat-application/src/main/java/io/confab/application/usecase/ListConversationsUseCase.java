package io.confab.application.usecase;

import io.confab.domain.Conversation;
import io.confab.domain.MessagePreview;
import io.confab.domain.Page;
import io.confab.domain.UserId;
import io.confab.domain.port.ConversationQuery;
import java.util.Objects;
import java.util.Optional;

/** Lists a user's live conversations, newest activity first, each with its newest message. */
public interface ListConversationsUseCase {

    Page<Listed> list(UserId owner, ConversationQuery query);

    /** A conversation of the list and the start of its newest message (empty while it has none). */
    record Listed(Conversation conversation, Optional<MessagePreview> lastMessage) {
        public Listed {
            Objects.requireNonNull(conversation, "conversation");
            Objects.requireNonNull(lastMessage, "lastMessage");
        }
    }
}
