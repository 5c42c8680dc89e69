package io.confab.application.usecase;

import io.confab.domain.ConversationId;
import io.confab.domain.MessageId;
import io.confab.domain.UserId;

/**
 * Writes the reply to a stored user message again (ChatKit's {@code threads.retry_after_item}, the
 * AI SDK's {@code regenerate-message}, SPEC §16's regenerate): a new turn answers the same user
 * message, given the history before it; the earlier reply stays stored as a version, and the
 * newest reply is the one that answers the message.
 */
public interface RetryReplyUseCase {

    /**
     * Starts the turn and streams its events to {@code listener}, from {@code message_created}
     * (the existing user message) on; not found when {@code userMessage} is not a user message of
     * the user's live conversation.
     */
    TurnStart retry(UserId user, ConversationId conversation, MessageId userMessage, TurnListener listener);

    /**
     * Regenerates the reply of the conversation's latest exchange: {@code message} names its user
     * message or one of its replies. Streams like {@link #retry}.
     *
     * @throws io.confab.domain.ValidationException when {@code message} belongs to an older exchange
     */
    TurnStart regenerate(UserId user, ConversationId conversation, MessageId message, TurnListener listener);

    /** {@link #regenerate}, waiting for the turn to end. */
    TurnOutcome regenerateAndWait(UserId user, ConversationId conversation, MessageId message);

    /**
     * Replaces the text of the conversation's latest user message ({@code message} names it or one of
     * its replies) and writes the reply to the new text (SPEC §16): the new text is a new user message,
     * the old one and its replies stay stored as earlier versions. Streams like {@link #retry}.
     *
     * @throws io.confab.domain.ValidationException when {@code message} belongs to an older exchange,
     *     or the new text breaks the message rules
     */
    TurnStart edit(UserId user, ConversationId conversation, MessageId message, String content, TurnListener listener);

    /** {@link #edit}, waiting for the turn to end. */
    TurnOutcome editAndWait(UserId user, ConversationId conversation, MessageId message, String content);
}
