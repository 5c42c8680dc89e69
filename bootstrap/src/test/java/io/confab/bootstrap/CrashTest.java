package io.confab.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.confab.persistence.TestPostgres;
import io.confab.redis.TestRedis;
import io.confab.testkit.auth.TestTokens;
import io.confab.testkit.http.SseClient;
import io.confab.testkit.http.TestHttp;
import io.confab.testkit.openai.FakeOpenAiServer;
import io.confab.testkit.openai.FakeReply;
import io.confab.websocket.WsClient;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A server killed mid-turn ({@code kill -9}) leaves no turn running (SPEC §12): another instance
 * ends it as {@code instance_lost} when its lease expires, keeping what it had streamed, and its
 * followers' streams end; the same instance restarted ends it at once; a retry with the same
 * client_message_id then runs the turn again without storing the user message twice.
 */
class CrashTest {

    private static final String USER = "crash-user";
    private static final String PARTIAL = "Half a reply";

    private final FakeOpenAiServer model = FakeOpenAiServer.start();
    private final String token = TestTokens.token(USER);
    @TempDir
    Path dir;
    private ForkedServer forked;
    private ConfabServer inProcess;
    private String databaseUrl;

    @AfterEach
    void stop() {
        if (forked != null) {
            forked.kill();
        }
        if (inProcess != null) {
            inProcess.stop();
        }
        model.close();
        if (databaseUrl != null) {
            TestPostgres.drop(databaseUrl);
        }
    }

    @Test
    void onPostgresAndRedis_anotherInstanceEndsTheKilledInstancesTurn_andTheRetryRunsItAgain() throws Exception {
        databaseUrl = TestPostgres.freshDatabaseUrl();
        Map<String, String> shared = environment(databaseUrl);
        shared.put("CONFAB_REDIS_URL", TestRedis.url());
        shared.put("CONFAB_REDIS_KEY_PREFIX", TestRedis.freshKeyPrefix());
        forked = ForkedServer.start(instance(shared, "crash-a"), ForkedServer.freePort(), dir.resolve("a.log"));
        TestHttp onA = new TestHttp(forked.uri);
        String conversation = onA.createConversation(token, "crash");
        SseClient stream = startTurnThatStalls(onA, conversation);
        JsonNode chunk = untilStalled(stream);

        forked.kill();
        forked = null;
        inProcess = ConfabServer.start(ConfabConfig.of(instance(shared, "crash-b")).withPort(0));
        TestHttp onB = new TestHttp(inProcess.uri());
        String turn = stream.ids.getFirst().split(":")[0];
        String lastEventId = turn + ":" + chunk.path("seq").asLong();
        SseClient follower = SseClient.open(onB, onB.request(TestHttp.CONVERSATIONS + "/" + conversation + "/stream", token)
                .header("Last-Event-ID", lastEventId).GET());
        try (WsClient socket = WsClient.open(inProcess.uri(), token)) {
            socket.send("{\"type\":\"subscribe\",\"conversation_id\":\"" + conversation + "\",\"last_event_id\":\""
                    + lastEventId + "\",\"request_id\":\"s\"}");

            JsonNode end = follower.untilTerminal().getLast();
            assertThat(end.path("type").asText()).isEqualTo("error");
            assertThat(end.path("code").asText()).isEqualTo("instance_lost");
            assertThat(socket.turnEventsUntil(SseClient::terminal).getLast().path("code").asText()).isEqualTo("instance_lost");
        }
        assertThat(contents(onB, conversation)).containsExactly("add milk", "Half a reply");

        model.enqueue(FakeReply.text("Added milk."));
        HttpResponse<String> retry = onB.post(messagesPath(conversation), token,
                "{\"message\":\"add milk\",\"client_message_id\":\"k-1\"}");

        assertThat(retry.statusCode()).as(retry.body()).isEqualTo(200);
        assertThat(contents(onB, conversation)).as("the list shows the current reply").containsExactly("add milk", "Added milk.");
        assertThat(replyVersions(onB, conversation)).extracting(version -> version.path("content").asText())
                .containsExactly("Half a reply", "Added milk.");
        assertThat(onB.post(messagesPath(conversation), token, "{\"message\":\"thanks\"}").statusCode()).isEqualTo(200);
    }

    @Test
    void onH2_theRestartedInstanceEndsItsKilledTurn_atOnce_andTheRetryIsNotRefused() throws Exception {
        Map<String, String> alone = environment("jdbc:h2:file:" + dir.resolve("data/confab"));
        alone.put("CONFAB_TURN_LEASE_SECONDS", "600"); // far longer than the test: only the restart can end the turn
        int port = ForkedServer.freePort();
        forked = ForkedServer.start(alone, port, dir.resolve("first.log"));
        TestHttp api = new TestHttp(forked.uri);
        String conversation = api.createConversation(token, "crash");
        SseClient stream = startTurnThatStalls(api, conversation);
        untilStalled(stream);

        forked.kill();
        forked = ForkedServer.start(alone, port, dir.resolve("second.log"));
        model.enqueue(FakeReply.text("Added milk."));
        HttpResponse<String> retry = api.post(messagesPath(conversation), token,
                "{\"message\":\"add milk\",\"client_message_id\":\"k-1\"}");

        assertThat(retry.statusCode()).as(retry.body()).isEqualTo(200);
        assertThat(TestHttp.json(retry).path("assistant_message").path("content").asText()).isEqualTo("Added milk.");
        String restarted = Files.readString(dir.resolve("second.log"));
        assertThat(contents(api, conversation)).as(restarted).containsExactly("add milk", "Added milk.");
        assertThat(replyVersions(api, conversation)).extracting(version -> version.path("status").asText())
                .containsExactly("failed", "complete");
        assertThat(restarted).contains("instance_lost");
    }

    private SseClient startTurnThatStalls(TestHttp api, String conversation) {
        model.enqueue(FakeReply.stallAfter(PARTIAL));
        return SseClient.open(api, api.request(messagesPath(conversation), token)
                .header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(
                        "{\"message\":\"add milk\",\"client_message_id\":\"k-1\"}")));
    }

    /** Reads until the chunks so far make up the whole partial reply; answers the last chunk. */
    private static JsonNode untilStalled(SseClient stream) {
        StringBuilder text = new StringBuilder();
        JsonNode event;
        do {
            event = stream.next();
            if (event.path("type").asText().equals("chunk")) {
                text.append(event.path("content").asText());
            }
        } while (!text.toString().equals(PARTIAL));
        return event;
    }

    private Map<String, String> environment(String databaseUrl) {
        Map<String, String> values = new HashMap<>();
        values.put("CONFAB_DB_URL", databaseUrl);
        values.put("CONFAB_DATA_DIR", dir.resolve("data").toString());
        values.putAll(TestTokens.serverSettings());
        values.putAll(model.confabSettings());
        values.put("CONFAB_TURN_LEASE_SECONDS", "2");
        values.put("CONFAB_INSTANCE_ID", "crash-test-" + dir.getFileName());
        values.put("CONFAB_SHUTDOWN_GRACE_SECONDS", "1");
        return values;
    }

    private static Map<String, String> instance(Map<String, String> shared, String name) {
        Map<String, String> values = new HashMap<>(shared);
        values.put("CONFAB_INSTANCE_ID", name);
        return values;
    }

    private static String messagesPath(String conversation) {
        return TestHttp.CONVERSATIONS + "/" + conversation + "/messages";
    }

    /** Every version of the reply to the conversation's first message, oldest first. */
    private List<JsonNode> replyVersions(TestHttp api, String conversation) {
        String reply = TestHttp.json(api.get(messagesPath(conversation), token)).path("items").get(1).path("id").asText();
        JsonNode versions = TestHttp.json(api.get(messagesPath(conversation) + "/" + reply + "/versions", token)).path("items");
        return java.util.stream.StreamSupport.stream(versions.spliterator(), false).toList();
    }

    private List<String> contents(TestHttp api, String conversation) {
        return TestHttp.json(api.get(messagesPath(conversation) + "?limit=50", token)).path("items").findValues("content")
                .stream().map(JsonNode::asText).toList();
    }
}
