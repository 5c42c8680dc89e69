package io.confab.websocket;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.confab.domain.ConversationId;
import io.confab.domain.ErrorCode;
import io.confab.domain.TurnId;
import io.confab.domain.UserId;
import java.util.Optional;

/** The frames the server writes besides events: connection_established, ack, error, pong. */
final class ServerFrames {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private ServerFrames() {
    }

    static String connectionEstablished(UserId user, String connectionId) {
        ObjectNode node = frame("connection_established");
        node.put("user_id", user.value());
        node.put("connection_id", connectionId);
        return node.toString();
    }

    static String ack(Optional<JsonNode> requestId, Optional<ConversationId> conversation) {
        ObjectNode node = frame("ack");
        requestId.ifPresent(id -> node.set("request_id", id));
        conversation.ifPresent(id -> node.put("conversation_id", id.toString()));
        return node.toString();
    }

    static String error(Optional<JsonNode> requestId, ErrorCode code, String message) {
        ObjectNode node = frame("error");
        requestId.ifPresent(id -> node.set("request_id", id));
        node.put("code", code.wireName());
        node.put("message", message);
        return node.toString();
    }

    /** The {@code error} frame of a message refused while another turn runs in its conversation (SPEC §12). */
    static String turnInProgress(Optional<JsonNode> requestId, TurnId running) {
        ObjectNode node = frame("error");
        requestId.ifPresent(id -> node.set("request_id", id));
        node.put("code", ErrorCode.TURN_IN_PROGRESS.wireName());
        node.put("message", "a reply is still being written in this conversation; send again when it has finished");
        node.put("turn_id", running.toString());
        return node.toString();
    }

    static String pong(Optional<JsonNode> requestId) {
        ObjectNode node = frame("pong");
        requestId.ifPresent(id -> node.set("request_id", id));
        return node.toString();
    }

    private static ObjectNode frame(String type) {
        ObjectNode node = NODES.objectNode();
        node.put("type", type);
        return node;
    }
}
