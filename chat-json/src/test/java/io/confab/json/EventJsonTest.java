package io.confab.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.confab.domain.ConversationId;
import io.confab.domain.Message;
import io.confab.domain.MessageId;
import io.confab.domain.MessageStatus;
import io.confab.domain.TokenUsage;
import io.confab.domain.ToolCall;
import io.confab.domain.ToolCallStatus;
import io.confab.domain.TurnId;
import io.confab.domain.event.TurnEvent;
import io.confab.domain.json.JsonValue;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class EventJsonTest {

    private static final Instant TS = Instant.parse("2026-11-25T10:15:30.123Z");
    private final ConversationId conversation = new ConversationId(UUID.fromString("00000000-0000-7000-8000-000000000001"));
    private final MessageId assistantId = new MessageId(UUID.fromString("00000000-0000-7000-8000-000000000003"));
    private final TurnId turn = new TurnId(assistantId.value());

    @Test
    void chunk_carriesContentMessageIdAndIndex() {
        JsonNode node = EventJson.toNode(new TurnEvent.Chunk(turn, conversation, 4, TS, "Hel", assistantId, 0));

        assertThat(node.get("type").asText()).isEqualTo("chunk");
        assertThat(node.get("conversation_id").asText()).isEqualTo(conversation.toString());
        assertThat(node.get("seq").asLong()).isEqualTo(4);
        assertThat(node.get("ts").asText()).isEqualTo("2026-11-25T10:15:30.123Z");
        assertThat(node.get("content").asText()).isEqualTo("Hel");
        assertThat(node.get("message_id").asText()).isEqualTo(assistantId.toString());
        assertThat(node.get("index").asInt()).isZero();
    }

    @Test
    void aChunkWritten_isTheJsonOfItsTree_whateverItsContent() throws Exception {
        ObjectMapper mapper = JacksonMappers.create();
        for (String content : List.of("Hel", "", "\"quoted\" \\ back\nline\ttab", "ünïcødé 😀 \u0001", "</script>")) {
            TurnEvent.Chunk chunk = new TurnEvent.Chunk(turn, conversation, 4, TS, content, assistantId, 7);

            String written = EventJson.write(chunk);

            assertThat(written).isEqualTo(mapper.writeValueAsString(EventJson.toNode(chunk)));
            assertThat(mapper.readTree(written).get("content").asText()).isEqualTo(content);
        }
    }

    @Test
    void metadata_carriesTheMessageIdAndTheMetadataObject() {
        JsonValue.Obj metadata = JsonValue.object("urgency", JsonValue.of("high"),
                "next_steps", JsonValue.array(List.of(JsonValue.of("call back"))));

        JsonNode node = EventJson.toNode(new TurnEvent.MetadataReady(turn, conversation, 8, TS, assistantId, metadata));

        assertThat(node.get("type").asText()).isEqualTo("metadata");
        assertThat(node.get("message_id").asText()).isEqualTo(assistantId.toString());
        assertThat(node.get("metadata").get("urgency").asText()).isEqualTo("high");
        assertThat(node.get("metadata").get("next_steps").get(0).asText()).isEqualTo("call back");
    }

    @Test
    void complete_carriesTheStoredMessageWithToolCallsAndUsage() {
        ToolCall call = new ToolCall("call_1", "add_task", JsonValue.object("title", JsonValue.of("milk")),
                JsonValue.object("ok", JsonValue.of(true)), ToolCallStatus.OK, Duration.ofMillis(12));
        Message reply = Message.fromAssistant(assistantId, conversation,
                new MessageId(UUID.fromString("00000000-0000-7000-8000-000000000002")), "Done.",
                MessageStatus.COMPLETE, List.of(call), "offline", new TokenUsage(10, 3), TS);

        JsonNode node = EventJson.toNode(new TurnEvent.Completed(turn, conversation, 9, TS, reply, reply.usage()));

        assertThat(node.get("type").asText()).isEqualTo("complete");
        JsonNode message = node.get("message");
        assertThat(message.get("role").asText()).isEqualTo("assistant");
        assertThat(message.get("status").asText()).isEqualTo("complete");
        assertThat(message.get("model").asText()).isEqualTo("offline");
        assertThat(message.get("tool_calls").get(0).get("tool").asText()).isEqualTo("add_task");
        assertThat(message.get("tool_calls").get(0).get("parameters").get("title").asText()).isEqualTo("milk");
        assertThat(message.get("tool_calls").get(0).get("duration_ms").asLong()).isEqualTo(12);
        assertThat(node.get("usage").get("prompt_tokens").asLong()).isEqualTo(10);
        assertThat(node.get("usage").get("completion_tokens").asLong()).isEqualTo(3);
    }

    @Test
    void toolProgress_omitsCountWhenTheToolGaveNone() {
        JsonNode node = EventJson.toNode(new TurnEvent.ToolProgress(turn, conversation, 5, TS, "list_tasks", "c1",
                "Reading…", Optional.empty()));

        assertThat(node.get("type").asText()).isEqualTo("tool_progress");
        assertThat(node.has("count")).isFalse();
        assertThat(node.get("call_id").asText()).isEqualTo("c1");
    }
}
