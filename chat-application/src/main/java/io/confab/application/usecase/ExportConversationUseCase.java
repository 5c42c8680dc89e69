package io.confab.application.usecase;

import io.confab.domain.Conversation;
import io.confab.domain.ConversationId;
import io.confab.domain.Message;
import io.confab.domain.UserId;
import java.util.List;
import java.util.Optional;

/**
 * A user's conversations with their messages and tool calls, for export (SPEC §16): one of them
 * whole, or all of them one after another, their messages read a page at a time while written.
 */
public interface ExportConversationUseCase {

    /** The conversation and its messages, oldest first. */
    record Export(Conversation conversation, List<Message> messages) {

        public Export {
            messages = List.copyOf(messages);
        }
    }

    /**
     * A conversation's messages, oldest first, read from the store a page at a time as they are
     * iterated (never all at once); a conversation deleted part way ends where it was.
     */
    interface Messages extends Iterable<Message> {

        /** How many messages there were when the export of the conversation began. */
        int count();
    }

    /** Receives an account's export, one conversation at a time. */
    @FunctionalInterface
    interface Visitor {

        void conversation(Conversation conversation, Messages messages);
    }

    /** Empty when the conversation is missing, deleted or someone else's. */
    Optional<Export> export(UserId owner, ConversationId conversation);

    /**
     * Hands every live conversation of {@code owner} to {@code visitor}, newest activity first, one
     * after another (each read just before it is visited: one deleted meanwhile is left out);
     * answers how many it visited.
     */
    int exportAll(UserId owner, Visitor visitor);
}
