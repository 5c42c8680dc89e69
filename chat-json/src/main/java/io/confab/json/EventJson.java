package io.confab.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.confab.domain.event.ChatEvent;
import io.confab.domain.event.ConversationEvent;
import io.confab.domain.event.TurnCancelRequested;
import io.confab.domain.event.TurnEvent;
import io.confab.domain.event.TypingChanged;
import java.io.IOException;
import java.io.StringWriter;

/**
 * The wire form of events (SPEC §6), the same for SSE and WebSocket:
 * {@code {"type","conversation_id","seq","ts", …}}.
 */
public final class EventJson {

    private static final ObjectMapper MAPPER = JacksonMappers.create();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private EventJson() {
    }

    public static String write(ChatEvent event) {
        try {
            return event instanceof TurnEvent.Chunk chunk ? writeChunk(chunk) : MAPPER.writeValueAsString(toNode(event));
        } catch (IOException e) {
            throw new IllegalStateException("an event could not be written", e);
        }
    }

    /**
     * A chunk, most of a streamed turn's events, written field by field: the same JSON as
     * {@link #toNode} gives (EventJsonTest holds them equal) without building the tree first,
     * which was half of the cost of a stream's events.
     */
    private static String writeChunk(TurnEvent.Chunk chunk) throws IOException {
        StringWriter out = new StringWriter(128 + chunk.content().length());
        try (JsonGenerator json = MAPPER.createGenerator(out)) {
            json.writeStartObject();
            json.writeStringField("type", chunk.type());
            json.writeStringField("conversation_id", chunk.conversationId().toString());
            json.writeNumberField("seq", chunk.seq());
            json.writeStringField("ts", chunk.ts().toString());
            json.writeStringField("turn_id", chunk.turnId().toString());
            json.writeStringField("content", chunk.content());
            json.writeStringField("message_id", chunk.messageId().toString());
            json.writeNumberField("index", chunk.index());
            json.writeEndObject();
        }
        return out.toString();
    }

    public static ObjectNode toNode(ChatEvent event) {
        ObjectNode node = NODES.objectNode();
        node.put("type", event.type());
        node.put("conversation_id", event.conversationId().toString());
        node.put("seq", event.seq());
        node.put("ts", event.ts().toString());
        switch (event) {
            case TurnEvent turnEvent -> {
                node.put("turn_id", turnEvent.turnId().toString());
                putTurnFields(node, turnEvent);
            }
            case ConversationEvent conversationEvent ->
                    node.set("conversation", ResourceJson.conversation(conversationEvent.conversation()));
            case TypingChanged typing -> {
                node.put("user_id", typing.userId().value());
                node.put("is_typing", typing.isTyping());
            }
            case TurnCancelRequested request -> node.put("turn_id", request.turnId().toString());
        }
        return node;
    }

    private static void putTurnFields(ObjectNode node, TurnEvent event) {
        switch (event) {
            case TurnEvent.MessageCreated e -> node.set("message", ResourceJson.message(e.message()));
            case TurnEvent.AgentThinking e -> node.put("message", e.message());
            case TurnEvent.Chunk e -> {
                node.put("content", e.content());
                node.put("message_id", e.messageId().toString());
                node.put("index", e.index());
            }
            case TurnEvent.ToolStarting e -> {
                putTool(node, e.tool(), e.callId());
                node.set("parameters", JsonValues.toNode(e.parameters()));
                node.put("message", e.message());
            }
            case TurnEvent.ToolProgress e -> {
                putTool(node, e.tool(), e.callId());
                node.put("message", e.message());
                e.count().ifPresent(count -> node.put("count", count));
            }
            case TurnEvent.ToolComplete e -> {
                putTool(node, e.tool(), e.callId());
                node.set("result", JsonValues.toNode(e.result()));
                node.put("message", e.message());
            }
            case TurnEvent.ToolFailed e -> {
                putTool(node, e.tool(), e.callId());
                node.put("error", e.error());
            }
            case TurnEvent.MetadataReady e -> {
                node.put("message_id", e.messageId().toString());
                node.set("metadata", JsonValues.toNode(e.metadata()));
            }
            case TurnEvent.Completed e -> {
                node.set("message", ResourceJson.message(e.message()));
                node.set("usage", ResourceJson.usage(e.usage()));
            }
            case TurnEvent.Cancelled e -> node.set("message", ResourceJson.message(e.message()));
            case TurnEvent.Failed e -> {
                node.put("code", e.code());
                node.put("message", e.message());
            }
        }
    }

    private static void putTool(ObjectNode node, String tool, String callId) {
        node.put("tool", tool);
        node.put("call_id", callId);
    }
}
