package io.confab.application.usecase;

import io.confab.domain.ConversationId;
import io.confab.domain.MessageId;
import io.confab.domain.UserId;

/**
 * Writes the reply to a stored user message again (ChatKit's {@code threads.retry_after_item}):
 * a new turn answers the same user message, given the history before it; the earlier reply stays
 * stored, and the newest reply is the one that answers the message.
 */
public interface RetryReplyUseCase {

    /**
     * Starts the turn and streams its events to {@code listener}, from {@code message_created}
     * (the existing user message) on; not found when {@code userMessage} is not a user message of
     * the user's live conversation.
     */
    TurnStart retry(UserId user, ConversationId conversation, MessageId userMessage, TurnListener listener);
}
