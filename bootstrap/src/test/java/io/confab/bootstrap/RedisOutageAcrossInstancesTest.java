package io.confab.bootstrap;

import static io.confab.testkit.http.TestHttp.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.confab.redis.TestRedis;
import io.confab.testkit.Await;
import io.confab.testkit.auth.TestTokens;
import io.confab.testkit.http.SseClient;
import io.confab.testkit.http.TestHttp;
import io.confab.websocket.WsClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 7: Redis stopped under two running instances (an embedded redis-server of this test's
 * own, whatever CONFAB_TEST_REDIS_URL says, since the test stops it) and started again.
 */
class RedisOutageAcrossInstancesTest {

    @Test
    void withRedisDown_eachInstanceServesItsOwnSockets_readinessShowsDegraded_andFanOutReturnsWithRedis(
            @TempDir Path dir) throws InterruptedException {
        try (TestRedis.Embedded redis = TestRedis.Embedded.start();
             TwoInstances instances = new TwoInstances(redis.url(), dir)) {
            String token = TestTokens.token("user-" + UUID.randomUUID());
            String conversation = instances.apiA.createConversation(token, "");
            try (WsClient onA = WsClient.open(instances.a.uri(), token);
                 WsClient onB = WsClient.open(instances.b.uri(), token)) {
                onA.subscribe(conversation);
                onB.subscribe(conversation);

                redis.stop();
                Await.until("A reports redis degraded", Duration.ofSeconds(30), () -> redisStatus(instances.apiA).equals("degraded"));
                JsonNode readiness = json(instances.apiA.get("/health/ready", null));
                assertThat(instances.apiA.get("/health/ready", null).statusCode()).isEqualTo(200);
                assertThat(readiness.path("checks").path("database").path("status").asText()).isEqualTo("up");
                var resume = instances.apiB.get(TestHttp.CONVERSATIONS + "/" + conversation + "/stream", token);
                ServerContract.assertProblem(resume, 503, "event_log_unavailable");
                assertThat(resume.headers().firstValue("Retry-After")).isPresent();

                List<JsonNode> local = sendAndCollect(onA, conversation, "while redis is down");
                assertThat(local.getFirst().path("message").path("content").asText()).isEqualTo("while redis is down");
                assertThat(local.getLast().path("type").asText()).isEqualTo("complete");

                redis.restart();
                Await.until("both report redis up", Duration.ofSeconds(30), () -> redisStatus(instances.apiA).equals("up")
                        && redisStatus(instances.apiB).equals("up"));

                List<JsonNode> sentOnB = sendAndCollect(onB, conversation, "redis is back");
                List<JsonNode> seenOnA = onA.turnEventsUntil(event -> SseClient.terminal(event)
                        && event.path("turn_id").asText().equals(sentOnB.getLast().path("turn_id").asText()));
                assertThat(seenOnA.subList(seenOnA.size() - sentOnB.size(), seenOnA.size())).isEqualTo(sentOnB);
            }
        }
    }

    private static List<JsonNode> sendAndCollect(WsClient socket, String conversation, String text) {
        socket.send("{\"type\":\"send_message\",\"conversation_id\":\"" + conversation + "\",\"content\":\"" + text + "\"}");
        return socket.turnEventsUntil(SseClient::terminal);
    }

    private static String redisStatus(TestHttp api) {
        return json(api.get("/health/ready", null)).path("checks").path("redis").path("status").asText();
    }

}
