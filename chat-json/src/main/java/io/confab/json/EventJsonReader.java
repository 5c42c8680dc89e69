package io.confab.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.confab.domain.Conversation;
import io.confab.domain.ConversationId;
import io.confab.domain.ConversationSettings;
import io.confab.domain.ConversationStatus;
import io.confab.domain.ExternalId;
import io.confab.domain.Feedback;
import io.confab.domain.Message;
import io.confab.domain.MessageId;
import io.confab.domain.MessageStatus;
import io.confab.domain.Role;
import io.confab.domain.TokenUsage;
import io.confab.domain.ToolCall;
import io.confab.domain.ToolCallStatus;
import io.confab.domain.TurnId;
import io.confab.domain.UserId;
import io.confab.domain.ValidationException;
import io.confab.domain.event.ChatEvent;
import io.confab.domain.event.ConversationEvent;
import io.confab.domain.event.EventType;
import io.confab.domain.event.TurnCancelRequested;
import io.confab.domain.event.TurnEvent;
import io.confab.domain.event.TypingChanged;
import io.confab.domain.json.JsonValue;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the wire form written by {@link EventJson} back into events, for transports that carry
 * events between instances (the Redis event bus and event log).
 *
 * <p>The wire form never reveals a conversation's owner, so the caller supplies it. A few stored
 * fields are not part of the wire form either; when a transport adds them (message
 * {@code client_message_id} and {@code in_reply_to}, conversation {@code deleted_at}) they are
 * read, otherwise they come back empty. Malformed input throws {@link IllegalArgumentException}.
 */
public final class EventJsonReader {

    private static final ObjectMapper MAPPER = JacksonMappers.create()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .setNodeFactory(JsonNodeFactory.withExactBigDecimals(true));

    private EventJsonReader() {
    }

    /** Parses JSON text; {@code owner} becomes the owner of a notification's conversation. */
    public static ChatEvent read(String json, UserId owner) {
        try {
            return read(MAPPER.readTree(json), owner);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not valid JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** Parses the JSON text of a turn event. */
    public static TurnEvent readTurnEvent(String json) {
        try {
            JsonNode node = MAPPER.readTree(json);
            return turnEvent(node, type(node));
        } catch (ValidationException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not valid JSON: " + e.getOriginalMessage(), e);
        }
    }

    public static ChatEvent read(JsonNode node, UserId owner) {
        try {
            return event(node, owner);
        } catch (ValidationException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    private static ChatEvent event(JsonNode node, UserId owner) {
        EventType type = type(node);
        Instant ts = instant(node, "ts");
        return switch (type) {
            case CONVERSATION_CREATED -> new ConversationEvent.Created(conversation(field(node, "conversation"), owner), ts);
            case CONVERSATION_UPDATED -> new ConversationEvent.Updated(conversation(field(node, "conversation"), owner), ts);
            case CONVERSATION_DELETED -> new ConversationEvent.Deleted(conversation(field(node, "conversation"), owner), ts);
            case TYPING -> new TypingChanged(ConversationId.parse(text(node, "conversation_id")),
                    new UserId(text(node, "user_id")), bool(node, "is_typing"), ts);
            case TURN_CANCEL_REQUESTED -> new TurnCancelRequested(ConversationId.parse(text(node, "conversation_id")),
                    TurnId.parse(text(node, "turn_id")), ts);
            case MESSAGE_CREATED, AGENT_THINKING, CHUNK, TOOL_STARTING, TOOL_PROGRESS, TOOL_COMPLETE, TOOL_ERROR, METADATA,
                 COMPLETE, CANCELLED, ERROR -> turnEvent(node, type);
        };
    }

    /** The entry of the catalogue that the {@code type} field names. */
    private static EventType type(JsonNode node) {
        String name = text(node, "type");
        return EventType.fromWireName(name).orElseThrow(() -> new IllegalArgumentException("unknown event type: " + name));
    }

    private static TurnEvent turnEvent(JsonNode node, EventType type) {
        TurnId turn = TurnId.parse(text(node, "turn_id"));
        ConversationId conversation = ConversationId.parse(text(node, "conversation_id"));
        long seq = field(node, "seq").asLong();
        Instant ts = instant(node, "ts");
        return switch (type) {
            case MESSAGE_CREATED -> new TurnEvent.MessageCreated(turn, conversation, seq, ts, message(field(node, "message")));
            case AGENT_THINKING -> new TurnEvent.AgentThinking(turn, conversation, seq, ts, text(node, "message"));
            case CHUNK -> new TurnEvent.Chunk(turn, conversation, seq, ts, text(node, "content"),
                    MessageId.parse(text(node, "message_id")), field(node, "index").asInt());
            case TOOL_STARTING -> new TurnEvent.ToolStarting(turn, conversation, seq, ts, text(node, "tool"),
                    text(node, "call_id"), JsonValues.fromNode(node.get("parameters")), text(node, "message"));
            case TOOL_PROGRESS -> new TurnEvent.ToolProgress(turn, conversation, seq, ts, text(node, "tool"),
                    text(node, "call_id"), text(node, "message"),
                    node.hasNonNull("count") ? Optional.of(node.get("count").asLong()) : Optional.empty());
            case TOOL_COMPLETE -> new TurnEvent.ToolComplete(turn, conversation, seq, ts, text(node, "tool"),
                    text(node, "call_id"), JsonValues.fromNode(node.get("result")), text(node, "message"));
            case TOOL_ERROR -> new TurnEvent.ToolFailed(turn, conversation, seq, ts, text(node, "tool"),
                    text(node, "call_id"), text(node, "error"));
            case METADATA -> new TurnEvent.MetadataReady(turn, conversation, seq, ts,
                    MessageId.parse(text(node, "message_id")), object(node, "metadata"));
            case COMPLETE -> new TurnEvent.Completed(turn, conversation, seq, ts, message(field(node, "message")),
                    usage(field(node, "usage")));
            case CANCELLED -> new TurnEvent.Cancelled(turn, conversation, seq, ts, message(field(node, "message")));
            case ERROR -> new TurnEvent.Failed(turn, conversation, seq, ts, text(node, "code"), text(node, "message"));
            case CONVERSATION_CREATED, CONVERSATION_UPDATED, CONVERSATION_DELETED, TYPING, TURN_CANCEL_REQUESTED ->
                    throw new IllegalArgumentException("not a turn event: " + type.wireName());
        };
    }

    private static Conversation conversation(JsonNode node, UserId owner) {
        return new Conversation(
                ConversationId.parse(text(node, "id")),
                owner,
                text(node, "title"),
                ConversationStatus.fromWire(text(node, "status")),
                stringMap(node.get("metadata")),
                optionalText(node, "external_id").map(ExternalId::new),
                new ConversationSettings(optionalText(node, "system_prompt"), optionalText(node, "model"),
                        node.hasNonNull("retention_days") ? Optional.of(node.get("retention_days").asInt()) : Optional.empty()),
                instant(node, "created_at"),
                instant(node, "updated_at"),
                node.hasNonNull("deleted_at") ? Optional.of(instant(node, "deleted_at")) : Optional.empty(),
                field(node, "total_messages").asInt(),
                node.path("tokens_used").asLong());
    }

    private static Message message(JsonNode node) {
        List<ToolCall> calls = new ArrayList<>();
        node.path("tool_calls").forEach(call -> calls.add(toolCall(call)));
        return new Message(
                MessageId.parse(text(node, "id")),
                ConversationId.parse(text(node, "conversation_id")),
                Role.valueOf(text(node, "role").toUpperCase(Locale.ROOT)),
                text(node, "content"),
                MessageStatus.fromWire(text(node, "status")),
                calls,
                optionalText(node, "model"),
                usage(field(node, "usage")),
                node.hasNonNull("metadata") ? object(node, "metadata") : JsonValue.Obj.empty(),
                optionalText(node, "client_message_id"),
                optionalText(node, "in_reply_to").map(MessageId::parse),
                instant(node, "created_at"),
                node.hasNonNull("feedback") ? Optional.of(feedback(node.get("feedback"))) : Optional.empty());
    }

    private static Feedback feedback(JsonNode node) {
        return new Feedback(Feedback.Rating.fromWire(text(node, "rating")), optionalText(node, "comment"));
    }

    private static ToolCall toolCall(JsonNode node) {
        return new ToolCall(
                text(node, "id"),
                text(node, "tool"),
                JsonValues.fromNode(node.get("parameters")),
                JsonValues.fromNode(node.get("result")),
                ToolCallStatus.valueOf(text(node, "status").toUpperCase(Locale.ROOT)),
                Duration.ofMillis(node.path("duration_ms").asLong()));
    }

    private static TokenUsage usage(JsonNode node) {
        return new TokenUsage(node.path("prompt_tokens").asLong(), node.path("completion_tokens").asLong());
    }

    private static Map<String, String> stringMap(JsonNode node) {
        Map<String, String> map = new LinkedHashMap<>();
        if (node != null && node.isObject()) {
            node.properties().forEach(entry -> map.put(entry.getKey(), entry.getValue().asText()));
        }
        return map;
    }

    private static JsonValue.Obj object(JsonNode node, String name) {
        if (!(JsonValues.fromNode(field(node, name)) instanceof JsonValue.Obj object)) {
            throw new IllegalArgumentException("not an object: " + name);
        }
        return object;
    }

    private static JsonNode field(JsonNode node, String name) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            throw new IllegalArgumentException("missing field: " + name);
        }
        return value;
    }

    private static String text(JsonNode node, String name) {
        JsonNode value = field(node, name);
        if (!value.isTextual()) {
            throw new IllegalArgumentException("not a string: " + name);
        }
        return value.asText();
    }

    private static Optional<String> optionalText(JsonNode node, String name) {
        return node.hasNonNull(name) ? Optional.of(node.get(name).asText()) : Optional.empty();
    }

    private static boolean bool(JsonNode node, String name) {
        JsonNode value = field(node, name);
        if (!value.isBoolean()) {
            throw new IllegalArgumentException("not a boolean: " + name);
        }
        return value.booleanValue();
    }

    private static Instant instant(JsonNode node, String name) {
        try {
            return Instant.parse(text(node, name));
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException("not an ISO-8601 instant: " + name, e);
        }
    }
}
