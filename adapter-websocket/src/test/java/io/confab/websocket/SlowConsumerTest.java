package io.confab.websocket;

import static org.assertj.core.api.Assertions.assertThat;

import io.confab.domain.ConversationId;
import io.confab.domain.MessageId;
import io.confab.domain.TurnId;
import io.confab.domain.UserId;
import io.confab.domain.event.TurnEvent;
import io.confab.domain.port.EventBus;
import io.confab.testkit.ScriptedChatModel;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A socket that stops reading is closed with 1008; the other sockets and the publisher never wait for it. */
class SlowConsumerTest {

    private static final int CHUNKS = 800;
    private static final int BATCH = 8;
    private static final String CONTENT = "z".repeat(60 * 1024);

    @Test
    void aSocketThatStopsReading_isClosedWith1008_whileAnotherSocketGetsEveryEvent() {
        ScriptedChatModel model = new ScriptedChatModel();
        try (TestServer server = TestServer.inMemory(model, new WebSocketSettings(64 * 1024, 16,
                Duration.ofSeconds(2), Duration.ofSeconds(20), Duration.ofSeconds(60)));
             WsClient slow = server.connect("pat");
             WsClient fast = server.connect("pat")) {
            String conversation = createConversation(fast);
            subscribe(slow, conversation);
            slow.pauseReading();

            JsonNodeCount received = new JsonNodeCount();
            Flood flood = new Flood(server.confab.ports().eventBus(), conversation);
            for (int batch = 0; batch < CHUNKS / BATCH; batch++) {
                int last = flood.publish(BATCH);
                fast.until(frame -> received.chunk(frame) == last);
            }
            assertThat(received.count).isEqualTo(CHUNKS);

            slow.resumeReading();
            assertThat(slow.awaitCloseCode()).isEqualTo(1008);
        }
    }

    /** Publishes big chunks of one turn straight on the bus, as a fast model would. */
    private static final class Flood {
        private final EventBus bus;
        private final ConversationId conversation;
        private final TurnId turn = new TurnId(UUID.randomUUID());
        private int next;

        Flood(EventBus bus, String conversation) {
            this.bus = bus;
            this.conversation = ConversationId.parse(conversation);
        }

        /** Publishes {@code count} chunks; returns the index of the last. */
        int publish(int count) {
            for (int i = 0; i < count; i++, next++) {
                bus.publish(new UserId("pat"), new TurnEvent.Chunk(turn, conversation, next + 1, Instant.now(), CONTENT,
                        new MessageId(turn.value()), next));
            }
            return next - 1;
        }
    }

    private static String createConversation(WsClient client) {
        client.send("{\"type\":\"create_conversation\"}");
        return client.next("ack").get("conversation_id").asText();
    }

    private static void subscribe(WsClient client, String conversation) {
        client.send("{\"type\":\"subscribe\",\"conversation_id\":\"" + conversation + "\"}");
        client.next("ack");
    }

    /** Counts chunk frames and checks they arrive in order. */
    private static final class JsonNodeCount {
        int count;

        int chunk(com.fasterxml.jackson.databind.JsonNode frame) {
            if (!"chunk".equals(frame.path("type").asText())) {
                return -1;
            }
            assertThat(frame.get("index").asInt()).isEqualTo(count);
            count++;
            return frame.get("index").asInt();
        }
    }
}
