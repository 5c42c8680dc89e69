package io.confab.websocket;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import io.confab.application.usecase.FollowTurnUseCase.TurnPosition;
import io.confab.domain.ConversationId;
import io.confab.domain.ErrorCode;
import io.confab.domain.MessageId;
import io.confab.domain.TurnId;
import io.confab.domain.ValidationException;
import io.confab.json.JacksonMappers;
import java.util.Optional;

/** Turns a text frame into a {@link ClientRequest}, or says precisely what is wrong with it. */
final class ClientRequestParser {

    /** Strict about the end too: {@code {"type":"ping"} trailing} is not one JSON object. */
    private static final ObjectReader READER = JacksonMappers.create().reader()
            .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    /** A parsed request, or why there is none. */
    sealed interface Parsed {
        record Ok(ClientRequest request) implements Parsed {
        }

        record Rejected(Optional<JsonNode> requestId, ErrorCode code, String message) implements Parsed {
        }
    }

    /** A field problem, with the request id if one could be read. */
    private static final class BadField extends RuntimeException {
        BadField(String message) {
            super(message, null, false, false);
        }
    }

    private ClientRequestParser() {
    }

    static Parsed parse(String text) {
        JsonNode node;
        try {
            node = READER.readTree(text);
        } catch (JsonProcessingException e) {
            return new Parsed.Rejected(Optional.empty(), ErrorCode.MALFORMED_JSON, "the frame is not valid JSON");
        }
        if (node == null || !node.isObject()) {
            return new Parsed.Rejected(Optional.empty(), ErrorCode.MALFORMED_JSON, "the frame must be a JSON object");
        }
        Optional<JsonNode> requestId = Optional.ofNullable(node.get("request_id"))
                .filter(id -> id.isTextual() || id.isIntegralNumber());
        if (node.hasNonNull("request_id") && requestId.isEmpty()) {
            return new Parsed.Rejected(Optional.empty(), ErrorCode.INVALID_REQUEST, "request_id must be a string or an integer");
        }
        try {
            return new Parsed.Ok(request(node, requestId));
        } catch (BadField e) {
            return new Parsed.Rejected(requestId, ErrorCode.INVALID_REQUEST, e.getMessage());
        } catch (UnknownType e) {
            return new Parsed.Rejected(requestId, ErrorCode.UNKNOWN_TYPE, e.getMessage());
        }
    }

    private static ClientRequest request(JsonNode node, Optional<JsonNode> requestId) {
        String type = requiredText(node, "type");
        return switch (type) {
            case "send_message" -> new ClientRequest.SendMessage(requestId, optionalConversation(node),
                    requiredText(node, "content"), optionalText(node, "client_message_id"));
            case "create_conversation" -> new ClientRequest.CreateConversation(requestId,
                    optionalText(node, "title").orElse(""));
            case "subscribe" -> userScope(node)
                    ? new ClientRequest.UserScope(requestId, true)
                    : new ClientRequest.Subscribe(requestId, conversation(node), resume(node));
            case "unsubscribe" -> userScope(node)
                    ? new ClientRequest.UserScope(requestId, false)
                    : new ClientRequest.Unsubscribe(requestId, conversation(node));
            case "cancel" -> new ClientRequest.Cancel(requestId, conversation(node));
            case "typing" -> new ClientRequest.Typing(requestId, conversation(node), requiredBoolean(node, "is_typing"));
            case "regenerate" -> new ClientRequest.Regenerate(requestId, conversation(node), message(node));
            case "edit_message" -> new ClientRequest.EditMessage(requestId, conversation(node), message(node),
                    requiredText(node, "content"));
            case "ping" -> new ClientRequest.Ping(requestId);
            default -> throw new UnknownType("unknown type '" + type + "'; expected send_message, "
                    + "create_conversation, subscribe, unsubscribe, cancel, typing, regenerate, edit_message or ping");
        };
    }

    /**
     * Whether a subscribe or unsubscribe is for all of the user's conversations ({@code "scope":"user"})
     * rather than one ({@code "scope":"conversation"}, the default); the user scope names no conversation.
     */
    private static boolean userScope(JsonNode node) {
        String scope = optionalText(node, "scope").orElse("conversation");
        return switch (scope) {
            case "conversation" -> false;
            case "user" -> {
                for (String field : new String[] {"conversation_id", "last_seq", "last_event_id"}) {
                    if (node.has(field)) {
                        throw new BadField(field + " is not allowed with scope user");
                    }
                }
                yield true;
            }
            default -> throw new BadField("scope must be conversation or user");
        };
    }

    private static MessageId message(JsonNode node) {
        try {
            return MessageId.parse(requiredText(node, "message_id"));
        } catch (ValidationException e) {
            throw new BadField("message_id is not a valid id");
        }
    }

    private static Optional<ClientRequest.Resume> resume(JsonNode node) {
        if (node.hasNonNull("last_event_id")) {
            String id = requiredText(node, "last_event_id");
            int colon = id.lastIndexOf(':');
            try {
                long seq = Long.parseLong(id.substring(colon + 1));
                return Optional.of(new ClientRequest.Resume.After(new TurnPosition(TurnId.parse(id.substring(0, Math.max(colon, 0))), seq)));
            } catch (NumberFormatException | ValidationException e) {
                throw new BadField("last_event_id must be '<turn_id>:<seq>'");
            }
        }
        if (node.hasNonNull("last_seq")) {
            JsonNode seq = node.get("last_seq");
            if (!seq.canConvertToLong() || !seq.isIntegralNumber() || seq.asLong() < 0) {
                throw new BadField("last_seq must be a non-negative integer");
            }
            return Optional.of(new ClientRequest.Resume.AfterSeqOfLatestTurn(seq.asLong()));
        }
        return Optional.empty();
    }

    private static ConversationId conversation(JsonNode node) {
        return optionalConversation(node).orElseThrow(() -> new BadField("conversation_id is required"));
    }

    private static Optional<ConversationId> optionalConversation(JsonNode node) {
        Optional<String> text = optionalText(node, "conversation_id");
        try {
            return text.map(ConversationId::parse);
        } catch (ValidationException e) {
            throw new BadField("conversation_id is not a valid id");
        }
    }

    private static String requiredText(JsonNode node, String name) {
        return optionalText(node, name).orElseThrow(() -> new BadField(name + " is required"));
    }

    private static Optional<String> optionalText(JsonNode node, String name) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isTextual()) {
            throw new BadField(name + " must be a string");
        }
        return Optional.of(value.asText());
    }

    private static boolean requiredBoolean(JsonNode node, String name) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            throw new BadField(name + " is required");
        }
        if (!value.isBoolean()) {
            throw new BadField(name + " must be true or false");
        }
        return value.booleanValue();
    }

    /** A well-formed frame of a type the server does not know. */
    private static final class UnknownType extends RuntimeException {
        UnknownType(String message) {
            super(message, null, false, false);
        }
    }
}
