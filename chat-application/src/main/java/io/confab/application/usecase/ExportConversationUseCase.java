package io.confab.application.usecase;

import io.confab.domain.Conversation;
import io.confab.domain.ConversationId;
import io.confab.domain.Message;
import io.confab.domain.UserId;
import java.util.List;
import java.util.Optional;

/** One of a user's conversations with all its messages and their tool calls, for export (SPEC §16). */
public interface ExportConversationUseCase {

    /** The conversation and its messages, oldest first. */
    record Export(Conversation conversation, List<Message> messages) {

        public Export {
            messages = List.copyOf(messages);
        }
    }

    /** Empty when the conversation is missing, deleted or someone else's. */
    Optional<Export> export(UserId owner, ConversationId conversation);
}
