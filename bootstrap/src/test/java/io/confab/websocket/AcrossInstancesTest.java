package io.confab.websocket;

import static io.confab.websocket.WebSocketProtocolTest.turnEvents;
import static io.confab.websocket.WebSocketProtocolTest.type;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.confab.application.Confab;
import io.confab.application.ConfabPorts;
import io.confab.redis.RedisAdapters;
import io.confab.redis.RedisSettings;
import io.confab.redis.TestRedis;
import io.confab.testkit.Await;
import io.confab.testkit.ScriptedChatModel;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Two Confab instances sharing one store (the in-memory repositories) and one real Redis: events
 * cross instances through Redis, and each keeps serving its own sockets when Redis goes away. It
 * lives in bootstrap, the one module that sees both adapters, in the package of the WebSocket test
 * helpers it uses (adapter-websocket's test-jar).
 */
class AcrossInstancesTest {

    private final ScriptedChatModel model = new ScriptedChatModel();
    private TestRedis.Embedded ownRedis;
    private RedisAdapters redisA;
    private RedisAdapters redisB;
    private TestServer a;
    private TestServer b;

    @AfterEach
    void stop() {
        for (AutoCloseable closeable : new AutoCloseable[] {a, b, redisA, redisB, ownRedis}) {
            try {
                if (closeable != null) {
                    closeable.close();
                }
            } catch (Exception ignored) {
                // best effort: the next test starts fresh
            }
        }
    }

    @Test
    void aSocketOnA_receivesEveryEventOfATurnRunThroughB_andTheUsersOtherSocketSeesTheMessage() {
        startInstances(TestRedis.url());
        try (WsClient onA = a.connect("quinn"); WsClient onB = b.connect("quinn")) {
            onB.send("{\"type\":\"create_conversation\",\"title\":\"Shared\"}");
            String conversation = onB.next("ack").get("conversation_id").asText();
            JsonNode created = onA.next("conversation_created");
            assertThat(created.get("conversation").get("id").asText()).isEqualTo(conversation);
            onA.send("{\"type\":\"subscribe\",\"conversation_id\":\"" + conversation + "\"}");
            onA.next("ack");

            onB.send("{\"type\":\"send_message\",\"conversation_id\":\"" + conversation + "\",\"content\":\"from B\"}");

            List<JsonNode> seenOnB = turnEvents(onB.until(f -> type(f).equals("complete")));
            List<JsonNode> seenOnA = turnEvents(onA.until(f -> type(f).equals("complete")));
            assertThat(seenOnA).isEqualTo(seenOnB);
            assertThat(seenOnA.get(0).get("message").get("content").asText()).isEqualTo("from B");
        }
    }

    @Test
    void aSocketOnA_resumesATurnThatRanOnB_fromTheSharedEventLog() {
        startInstances(TestRedis.url());
        try (WsClient onB = b.connect("rose")) {
            onB.send("{\"type\":\"send_message\",\"content\":\"resume elsewhere\"}");
            List<JsonNode> all = turnEvents(onB.until(f -> type(f).equals("complete")));
            String conversation = all.get(0).get("conversation_id").asText();

            try (WsClient onA = a.connect("rose")) {
                onA.send("{\"type\":\"subscribe\",\"conversation_id\":\"" + conversation + "\",\"last_seq\":1}");
                onA.next("ack");

                assertThat(turnEvents(onA.until(f -> type(f).equals("complete")))).isEqualTo(all.subList(1, all.size()));
            }
        }
    }

    @Test
    void redisStopped_eachInstanceServesItsOwnSockets_readinessIsDegraded_andAfterARestartFanOutWorksAgain() {
        ownRedis = TestRedis.Embedded.start();
        startInstances(ownRedis.url());
        try (WsClient onA = a.connect("sam"); WsClient onB = b.connect("sam")) {
            onA.send("{\"type\":\"create_conversation\"}");
            String conversation = onA.next("ack").get("conversation_id").asText();
            onB.send("{\"type\":\"subscribe\",\"conversation_id\":\"" + conversation + "\"}");
            onB.next("ack");

            ownRedis.stop();
            Await.until("both instances degraded", () -> redisA.status() == RedisAdapters.Status.DEGRADED
                    && redisB.status() == RedisAdapters.Status.DEGRADED);
            onA.send(sendTo(conversation, "while Redis is down"));
            assertThat(onA.next("complete").get("message").get("content").asText()).isEqualTo("echo: while Redis is down");

            ownRedis.restart();
            Await.until("both instances up", () -> redisA.status() == RedisAdapters.Status.UP
                    && redisB.status() == RedisAdapters.Status.UP);
            onA.send(sendTo(conversation, "after the restart"));

            JsonNode reachedB = onB.nextMatching(f -> type(f).equals("message_created"));
            assertThat(reachedB.get("message").get("content").asText()).isEqualTo("after the restart");
            assertThat(onB.next("complete").get("message").get("content").asText()).isEqualTo("echo: after the restart");
        }
    }

    private static String sendTo(String conversation, String content) {
        return "{\"type\":\"send_message\",\"conversation_id\":\"" + conversation + "\",\"content\":\"" + content + "\"}";
    }

    /** Both instances on the same store and the same Redis prefix, each with its own Redis connections. */
    private void startInstances(String redisUrl) {
        RedisSettings settings = TestRedis.settings();
        ConfabPorts store = Confab.inMemoryPorts(model, Clock.systemUTC(), 1_000);
        redisA = RedisAdapters.connect(redisUrl, settings, Clock.systemUTC());
        redisB = RedisAdapters.connect(redisUrl, settings, Clock.systemUTC());
        a = new TestServer(withRedis(store, redisA), WebSocketSettings.defaults());
        b = new TestServer(withRedis(store, redisB), WebSocketSettings.defaults());
    }

    private static ConfabPorts withRedis(ConfabPorts store, RedisAdapters redis) {
        return new ConfabPorts(store.conversations(), store.messages(), store.tasks(), store.model(), store.tools(),
                redis.eventBus(), redis.eventLog(), store.leases(), redis.rateLimiter(), store.clock(), store.ids(), store.toolCalls());
    }
}
