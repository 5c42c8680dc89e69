package io.confab.domain.port;

import io.confab.domain.Conversation;
import io.confab.domain.Message;

/** What appending a message did. */
public sealed interface AppendResult {

    /**
     * Stored, and the conversation's counters and updated_at moved on: {@code conversation} is the
     * conversation with its counters and updated_at as this append left them, so a caller need not
     * read it again.
     */
    record Appended(Message message, Conversation conversation) implements AppendResult {
    }

    /** A user message with this client_message_id is already in the conversation: nothing written. */
    record Duplicate(Message existing) implements AppendResult {
    }

    /** The conversation is missing, deleted or someone else's: nothing written. */
    record ConversationMissing() implements AppendResult {
    }
}
