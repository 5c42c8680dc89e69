package io.confab.domain;

import io.confab.domain.json.JsonValue;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One message of a conversation. A turn stores exactly two: the user's, then the assistant's,
 * which carries every tool call of the turn and points back at the user message with
 * {@code inReplyTo}. {@code clientMessageId} (user messages only) makes retries idempotent;
 * {@code feedback} is the owner's rating of it, if any. {@code metadata} is a JSON object: the
 * structured reply metadata of a completed reply (SPEC §15), or why a failed reply failed.
 */
public record Message(
        MessageId id,
        ConversationId conversationId,
        Role role,
        String content,
        MessageStatus status,
        List<ToolCall> toolCalls,
        Optional<String> model,
        TokenUsage usage,
        JsonValue.Obj metadata,
        Optional<String> clientMessageId,
        Optional<MessageId> inReplyTo,
        Instant createdAt,
        Optional<Feedback> feedback) {

    public static final int MAX_USER_CONTENT = 10_000;
    public static final int MAX_CLIENT_MESSAGE_ID = 200;

    public Message {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(conversationId, "conversationId");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(status, "status");
        toolCalls = List.copyOf(toolCalls);
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(usage, "usage");
        Objects.requireNonNull(metadata, "metadata");
        Objects.requireNonNull(clientMessageId, "clientMessageId");
        Objects.requireNonNull(inReplyTo, "inReplyTo");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(feedback, "feedback");
    }

    /** A user's message, checked against the content limits. */
    public static Message fromUser(MessageId id, ConversationId conversationId, String content,
                                   Optional<String> clientMessageId, Instant now) {
        return new Message(id, conversationId, Role.USER, checkUserContent(content), MessageStatus.COMPLETE,
                List.of(), Optional.empty(), TokenUsage.NONE, JsonValue.Obj.empty(), checkClientMessageId(clientMessageId), Optional.empty(), now,
                Optional.empty());
    }

    /**
     * A new text for the user message {@code original} (SPEC §16): a user message whose
     * {@code inReplyTo} names the one it replaces, which stays stored as an earlier version.
     */
    public static Message editOf(MessageId id, Message original, String content, Instant now) {
        if (original.role() != Role.USER) {
            throw new ValidationException("message_id", "only a user message can be edited");
        }
        return new Message(id, original.conversationId(), Role.USER, checkUserContent(content), MessageStatus.COMPLETE,
                List.of(), Optional.empty(), TokenUsage.NONE, JsonValue.Obj.empty(), Optional.empty(), Optional.of(original.id()), now,
                Optional.empty());
    }

    /** Whether this is a user message's new text, replacing the user message it names. */
    public boolean isEdit() {
        return role == Role.USER && inReplyTo.isPresent();
    }

    /** The assistant's reply to the user message {@code inReplyTo}. */
    public static Message fromAssistant(MessageId id, ConversationId conversationId, MessageId inReplyTo,
                                        String content, MessageStatus status, List<ToolCall> toolCalls,
                                        String model, TokenUsage usage, Instant now) {
        return new Message(id, conversationId, Role.ASSISTANT, content, status, toolCalls,
                Optional.ofNullable(model), usage, JsonValue.Obj.empty(), Optional.empty(), Optional.of(inReplyTo), now,
                Optional.empty());
    }

    /** This message with {@code calls} as its tool calls. */
    public Message withToolCalls(List<ToolCall> calls) {
        return new Message(id, conversationId, role, content, status, calls, model, usage, metadata,
                clientMessageId, inReplyTo, createdAt, feedback);
    }

    /** This message with the owner's rating. */
    public Message withFeedback(Feedback rating) {
        return new Message(id, conversationId, role, content, status, toolCalls, model, usage, metadata,
                clientMessageId, inReplyTo, createdAt, Optional.of(rating));
    }

    /** A user's message text: not blank, at most {@link #MAX_USER_CONTENT} characters, no NUL. */
    public static String checkUserContent(String content) {
        if (content == null || content.isBlank()) {
            throw new ValidationException("message", "must not be empty");
        }
        if (content.length() > MAX_USER_CONTENT) {
            throw new ValidationException("message", "must be at most " + MAX_USER_CONTENT + " characters");
        }
        return UserText.withoutNul("message", content);
    }

    private static Optional<String> checkClientMessageId(Optional<String> clientMessageId) {
        Optional<String> value = clientMessageId.map(String::strip).filter(s -> !s.isEmpty());
        if (value.isPresent() && value.get().length() > MAX_CLIENT_MESSAGE_ID) {
            throw new ValidationException("client_message_id",
                    "must be at most " + MAX_CLIENT_MESSAGE_ID + " characters");
        }
        return value.map(id -> UserText.withoutNul("client_message_id", id));
    }
}
