package io.confab.json;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.confab.domain.Conversation;
import io.confab.domain.ConversationSettings;
import io.confab.domain.Feedback;
import io.confab.domain.Message;
import io.confab.domain.MessagePreview;
import io.confab.domain.SearchHit;
import io.confab.domain.Task;
import io.confab.domain.TokenUsage;
import io.confab.domain.ToolCall;
import io.confab.domain.audit.AuditedToolCall;
import java.util.Map;

/**
 * The wire form (SPEC §4) of conversations, messages, tool calls, tasks and search hits: snake_case, ids as
 * strings, times as ISO-8601 UTC.
 */
public final class ResourceJson {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private ResourceJson() {
    }

    public static ObjectNode conversation(Conversation conversation) {
        ObjectNode node = NODES.objectNode();
        node.put("id", conversation.id().toString());
        node.put("title", conversation.title());
        node.put("status", conversation.status().wireName());
        node.put("created_at", conversation.createdAt().toString());
        node.put("updated_at", conversation.updatedAt().toString());
        node.put("total_messages", conversation.messageCount());
        node.put("tokens_used", conversation.tokensUsed());
        node.set("metadata", stringMap(conversation.metadata()));
        if (conversation.externalId().isPresent()) {
            node.put("external_id", conversation.externalId().get().value());
        } else {
            node.putNull("external_id");
        }
        ConversationSettings settings = conversation.settings();
        node.put("system_prompt", settings.systemPrompt().orElse(null));
        node.put("model", settings.model().orElse(null));
        node.put("retention_days", settings.retentionDays().orElse(null));
        return node;
    }

    public static ObjectNode message(Message message) {
        ObjectNode node = NODES.objectNode();
        node.put("id", message.id().toString());
        node.put("conversation_id", message.conversationId().toString());
        node.put("role", message.role().wireName());
        node.put("content", message.content());
        node.put("status", message.status().wireName());
        ArrayNode calls = node.putArray("tool_calls");
        message.toolCalls().forEach(call -> calls.add(toolCall(call)));
        if (message.model().isPresent()) {
            node.put("model", message.model().get());
        } else {
            node.putNull("model");
        }
        node.set("usage", usage(message.usage()));
        node.set("metadata", JsonValues.toNode(message.metadata()));
        node.put("created_at", message.createdAt().toString());
        node.set("feedback", message.feedback().map(ResourceJson::feedback).orElse(null));
        return node;
    }

    /** {@code {"rating":"up"|"down","comment"?}}. */
    public static ObjectNode feedback(Feedback feedback) {
        ObjectNode node = NODES.objectNode();
        node.put("rating", feedback.rating().wireName());
        feedback.comment().ifPresent(comment -> node.put("comment", comment));
        return node;
    }

    /** The newest message of a conversation as a list item shows it: {@code {"role","content","created_at"}}. */
    public static ObjectNode messagePreview(MessagePreview preview) {
        ObjectNode node = NODES.objectNode();
        node.put("role", preview.role().wireName());
        node.put("content", preview.content());
        node.put("created_at", preview.createdAt().toString());
        return node;
    }

    public static ObjectNode toolCall(ToolCall call) {
        ObjectNode node = NODES.objectNode();
        node.put("id", call.id());
        node.put("tool", call.tool());
        node.set("parameters", JsonValues.toNode(call.arguments()));
        node.set("result", JsonValues.toNode(call.result()));
        node.put("status", call.status().wireName());
        node.put("duration_ms", call.duration().toMillis());
        return node;
    }

    public static ObjectNode usage(TokenUsage usage) {
        ObjectNode node = NODES.objectNode();
        node.put("prompt_tokens", usage.promptTokens());
        node.put("completion_tokens", usage.completionTokens());
        return node;
    }

    public static ObjectNode task(Task task) {
        ObjectNode node = NODES.objectNode();
        node.put("id", task.id());
        node.put("title", task.title());
        node.put("description", task.description());
        node.put("completed", task.completed());
        node.put("created_at", task.createdAt().toString());
        node.put("updated_at", task.updatedAt().toString());
        return node;
    }

    /** {@code {"conversation_id","message_id","role","snippet","created_at"}}; a title hit has a null message_id and role "title". */
    public static ObjectNode searchHit(SearchHit hit) {
        ObjectNode node = NODES.objectNode();
        node.put("conversation_id", hit.conversationId().toString());
        node.put("message_id", hit.messageId().map(Object::toString).orElse(null));
        node.put("role", hit.role());
        node.put("snippet", hit.snippet());
        node.put("created_at", hit.createdAt().toString());
        return node;
    }

    /** {@code {"id","source","tool","arguments","outcome","result","duration_ms","conversation_id","created_at"}}; result is text (the first 4 KiB of the JSON). */
    public static ObjectNode auditedToolCall(AuditedToolCall call) {
        ObjectNode node = NODES.objectNode();
        node.put("id", call.id().toString());
        node.put("source", call.source().wireName());
        node.put("tool", call.tool());
        node.set("arguments", JsonValues.toNode(call.arguments()));
        node.put("outcome", call.outcome().wireName());
        node.put("result", call.result());
        node.put("duration_ms", call.duration().toMillis());
        node.put("conversation_id", call.conversation().map(Object::toString).orElse(null));
        node.put("created_at", call.createdAt().toString());
        return node;
    }

    private static ObjectNode stringMap(Map<String, String> map) {
        ObjectNode node = NODES.objectNode();
        map.forEach(node::put);
        return node;
    }
}
