package io.confab.rest;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import io.confab.application.usecase.ImportConversationUseCase.Command;
import io.confab.application.usecase.ImportConversationUseCase.ImportedMessage;
import io.confab.domain.Conversation;
import io.confab.domain.ConversationStatus;
import io.confab.domain.Feedback;
import io.confab.domain.Message;
import io.confab.domain.MessageStatus;
import io.confab.domain.Role;
import io.confab.domain.TokenUsage;
import io.confab.domain.ToolCall;
import io.confab.domain.ToolCallStatus;
import io.confab.domain.ValidationException;
import io.confab.domain.json.JsonValue;
import io.confab.json.JsonValues;
import io.confab.json.ResourceJson;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The JSON export of one conversation, version 1:
 * {@code {"format":"confab.conversation.v1","conversation":Conversation,"messages":[Message…]}},
 * the resources as the API writes them (SPEC §4). Reading it back is strict: anything the stores
 * could not keep (a wrong type, an over-long name, a NUL character, a time out of range) is a 422
 * naming the field, such as {@code messages[2].tool_calls[0].status}; ids are ignored.
 */
final class ExportJson {

    static final String FORMAT = "confab.conversation.v1";
    /** The longest model name, tool name or tool call id the stores keep. */
    static final int MAX_NAME = 200;
    static final long MAX_TOKENS = 1_000_000_000_000L;
    static final long MAX_DURATION_MS = Duration.ofDays(1).toMillis();
    private static final Instant EARLIEST = Instant.EPOCH;
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

    private ExportJson() {
    }

    /** One conversation as {@link #read} takes it, written to {@code json} a message at a time. */
    static void write(JsonGenerator json, Conversation conversation, Iterable<Message> messages) throws IOException {
        json.writeStartObject();
        json.writeStringField("format", FORMAT);
        json.writeFieldName("conversation");
        json.writeTree(ResourceJson.conversation(conversation));
        json.writeArrayFieldStart("messages");
        for (Message message : messages) {
            json.writeTree(ResourceJson.message(message));
        }
        json.writeEndArray();
        json.writeEndObject();
    }

    static Command read(Body body) {
        rejectNul(body.node(), "");
        if (!FORMAT.equals(body.string("format").orElse(null))) {
            throw new ValidationException("format", "must be " + FORMAT);
        }
        Body conversation = body.requiredObject("conversation");
        String title = Body.within("conversation", () -> Conversation.checkTitle(conversation.string("title").orElse("")));
        ConversationStatus status = Body.within("conversation", () -> conversation.string("status")
                .map(ConversationStatus::fromWire).orElse(ConversationStatus.ACTIVE));
        Map<String, String> metadata = Body.within("conversation", () -> conversation.stringMap("metadata").orElse(Map.of()));
        Instant createdAt = Body.within("conversation", () -> instant(conversation, "created_at"));
        Instant updatedAt = Body.within("conversation", () -> instant(conversation, "updated_at"));
        return new Command(title, status, metadata, createdAt, updatedAt, body.objects("messages", ExportJson::message));
    }

    private static ImportedMessage message(Body message) {
        Role role = choice(message, "role", Role.values(), Role::wireName).orElseThrow(
                () -> new ValidationException("role", "is required"));
        List<ToolCall> toolCalls = message.objects("tool_calls", ExportJson::toolCall);
        if (role == Role.USER && !toolCalls.isEmpty()) {
            throw new ValidationException("tool_calls", "only assistant messages have tool calls");
        }
        TokenUsage usage = message.object("usage")
                .map(u -> Body.within("usage", () -> new TokenUsage(u.count("prompt_tokens", MAX_TOKENS),
                        u.count("completion_tokens", MAX_TOKENS))))
                .orElse(TokenUsage.NONE);
        Optional<Feedback> feedback = message.object("feedback").map(f -> Body.within("feedback",
                () -> new Feedback(Feedback.Rating.fromWire(f.requiredString("rating")), f.string("comment"))));
        return new ImportedMessage(role, message.requiredString("content"),
                choice(message, "status", MessageStatus.values(), MessageStatus::wireName).orElse(MessageStatus.COMPLETE),
                toolCalls, name(message, "model"), usage, message.jsonObject("metadata").orElse(JsonValue.Obj.empty()),
                instant(message, "created_at"), feedback);
    }

    private static ToolCall toolCall(Body call) {
        JsonNode parameters = call.value("parameters");
        JsonNode result = call.value("result");
        return new ToolCall(
                name(call, "id").orElseThrow(() -> new ValidationException("id", "is required")),
                name(call, "tool").orElseThrow(() -> new ValidationException("tool", "is required")),
                JsonValues.fromNode(parameters),
                JsonValues.fromNode(result),
                choice(call, "status", ToolCallStatus.values(), ToolCallStatus::wireName).orElse(ToolCallStatus.OK),
                Duration.ofMillis(call.count("duration_ms", MAX_DURATION_MS)));
    }

    /** A time the stores can keep. */
    private static Instant instant(Body body, String field) {
        Instant value = body.requiredInstant(field);
        if (value.isBefore(EARLIEST) || value.isAfter(LATEST)) {
            throw new ValidationException(field, "must be between " + EARLIEST + " and " + LATEST);
        }
        return value;
    }

    private static Optional<String> name(Body body, String field) {
        Optional<String> value = body.string(field);
        if (value.isPresent() && (value.get().isEmpty() || value.get().length() > MAX_NAME)) {
            throw new ValidationException(field, "must be 1 to " + MAX_NAME + " characters");
        }
        return value;
    }

    /** The constant whose wire name {@code field} holds; empty when absent. */
    private static <T> Optional<T> choice(Body body, String field, T[] values, Function<T, String> wireName) {
        Map<String, T> byName = Arrays.stream(values).collect(Collectors.toMap(wireName, value -> value));
        return body.string(field).map(text -> Optional.ofNullable(byName.get(text)).orElseThrow(() ->
                new ValidationException(field, "must be one of " + String.join(", ", byName.keySet().stream().sorted().toList()))));
    }

    /** No text or member name anywhere may hold U+0000: PostgreSQL keeps neither in text nor in JSON. */
    private static void rejectNul(JsonNode node, String path) {
        if (node.isTextual() && node.textValue().indexOf('\0') >= 0) {
            throw new ValidationException(path, "must not contain the NUL character (U+0000)");
        }
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                rejectNul(node.get(i), path + "[" + i + "]");
            }
        }
        for (Map.Entry<String, JsonNode> member : node.properties()) {
            String at = path.isEmpty() ? member.getKey() : path + "." + member.getKey();
            if (member.getKey().indexOf('\0') >= 0) {
                throw new ValidationException(path.isEmpty() ? "body" : path, "must not contain the NUL character (U+0000)");
            }
            rejectNul(member.getValue(), at);
        }
    }
}
