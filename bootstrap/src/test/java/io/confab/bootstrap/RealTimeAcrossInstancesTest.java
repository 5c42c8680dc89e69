package io.confab.bootstrap;

import static io.confab.testkit.http.TestHttp.CONVERSATIONS;
import static io.confab.testkit.http.TestHttp.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.confab.redis.TestRedis;
import io.confab.testkit.ScriptedChatModel.Reply;
import io.confab.testkit.auth.TestTokens;
import io.confab.testkit.http.SseClient;
import io.confab.testkit.http.TestHttp;
import io.confab.websocket.WsClient;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 7 end to end: two Confab servers sharing PostgreSQL and Redis, driven over real HTTP, SSE
 * and WebSocket with real JWTs. Every test takes a user of its own.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RealTimeAcrossInstancesTest {

    private TwoInstances instances;
    private String token;
    private String conversation;

    @BeforeAll
    void start(@TempDir Path dir) {
        instances = new TwoInstances(TestRedis.url(), dir);
    }

    @AfterAll
    void stop() {
        instances.close();
    }

    private void newUserWithConversation() {
        token = TestTokens.token("user-" + UUID.randomUUID());
        conversation = instances.apiA.createConversation(token, "");
    }

    @Test
    void aSocketOnA_receivesEveryEventOfATurnRunThroughB_inOrder_asBsOwnStreamHasThem() {
        newUserWithConversation();
        try (WsClient onA = WsClient.open(instances.a.uri(), token)) {
            onA.subscribe(conversation);

            List<JsonNode> streamedByB = SseClient.open(instances.apiB, sendMessage(instances.apiB, "add task buy milk"))
                    .untilTerminal();
            List<JsonNode> receivedOnA = onA.turnEventsUntil(SseClient::terminal);

            assertThat(receivedOnA).isEqualTo(streamedByB);
            assertThat(types(receivedOnA)).startsWith("message_created", "agent_thinking", "tool_starting", "tool_complete")
                    .endsWith("complete");
            assertThat(receivedOnA).extracting(event -> event.path("seq").asLong())
                    .containsExactlyElementsOf(sequence(1, receivedOnA.size()));
        }
    }

    @Test
    void aMessageSentFromTheUsersSocketOnA_appearsLiveOnTheirOtherSocketOnB() {
        newUserWithConversation();
        try (WsClient phone = WsClient.open(instances.a.uri(), token);
             WsClient laptop = WsClient.open(instances.b.uri(), token)) {
            laptop.subscribe(conversation);

            phone.send("{\"type\":\"send_message\",\"conversation_id\":\"" + conversation
                    + "\",\"content\":\"hello from my phone\",\"request_id\":1}");
            List<JsonNode> onPhone = phone.turnEventsUntil(SseClient::terminal);
            List<JsonNode> onLaptop = laptop.turnEventsUntil(SseClient::terminal);

            assertThat(onLaptop.getFirst().path("message").path("content").asText()).isEqualTo("hello from my phone");
            assertThat(onLaptop.getLast().path("message").path("content").asText()).isEqualTo("Echo: hello from my phone");
            assertThat(onLaptop).isEqualTo(onPhone);
        }
    }

    @Test
    void resumingOnA_aTurnRunningOnB_returnsExactlyTheMissingEvents() {
        newUserWithConversation();
        CompletableFuture<Void> release = new CompletableFuture<>();
        instances.modelB.then(Reply.text("Working").thenHoldUntil(release, " and done."));
        SseClient onB = SseClient.open(instances.apiB, sendMessage(instances.apiB, "wait for me"));
        List<JsonNode> seen = onB.next(3);
        String lastEventId = seen.get(1).path("turn_id").asText() + ":2";

        SseClient resumedOnA = SseClient.open(instances.apiA, instances.apiA
                .request(CONVERSATIONS + "/" + conversation + "/stream", token).header("Last-Event-ID", lastEventId).GET());
        List<JsonNode> onA = new ArrayList<>(List.of(resumedOnA.next()));
        release.complete(null);
        onA.addAll(resumedOnA.untilTerminal());
        List<JsonNode> onBAfterTwo = new ArrayList<>(seen.subList(2, 3));
        onBAfterTwo.addAll(onB.untilTerminal());

        assertThat(onA).isEqualTo(onBAfterTwo);
        assertThat(onA.getFirst().path("seq").asLong()).isEqualTo(3);
        assertThat(onA.getLast().path("type").asText()).isEqualTo("complete");
    }

    @Test
    void cancelOnA_ofASlowTurnRunningOnB_endsItCancelled_andStoresAnInterruptedMessage() {
        newUserWithConversation();
        instances.modelB.then(Reply.text("Working").thenHangUntilCancelled(new CountDownLatch(1)));
        SseClient onB = SseClient.open(instances.apiB, sendMessage(instances.apiB, "wait forever"));
        assertThat(onB.next(3)).last().satisfies(chunk -> assertThat(chunk.path("content").asText()).isEqualTo("Working"));

        assertThat(instances.apiA.post(CONVERSATIONS + "/" + conversation + "/cancel", token, "").statusCode()).isEqualTo(202);

        assertThat(onB.untilTerminal()).last().satisfies(last -> assertThat(last.path("type").asText()).isEqualTo("cancelled"));
        JsonNode stored = json(instances.apiA.get(CONVERSATIONS + "/" + conversation + "/messages", token)).path("items");
        assertThat(stored.get(1).path("status").asText()).isEqualTo("interrupted");
        assertThat(stored.get(1).path("content").asText()).isEqualTo("Working");
        assertThat(instances.apiA.post(CONVERSATIONS + "/" + conversation + "/cancel", token, "").statusCode()).isEqualTo(409);
    }

    @Test
    void cancelOverAWebSocketOnA_ofATurnRunningOnB_endsItCancelled() {
        newUserWithConversation();
        instances.modelB.then(Reply.text("Working").thenHangUntilCancelled(new CountDownLatch(1)));
        try (WsClient onA = WsClient.open(instances.a.uri(), token)) {
            onA.subscribe(conversation);
            SseClient onB = SseClient.open(instances.apiB, sendMessage(instances.apiB, "wait forever"));
            onB.next(3);

            onA.send("{\"type\":\"cancel\",\"conversation_id\":\"" + conversation + "\",\"request_id\":\"c\"}");

            assertThat(onB.untilTerminal()).last().satisfies(last -> assertThat(last.path("type").asText()).isEqualTo("cancelled"));
            List<JsonNode> onSocket = onA.turnEventsUntil(SseClient::terminal);
            assertThat(onSocket).last().satisfies(last -> assertThat(last.path("type").asText()).isEqualTo("cancelled"));
            assertThat(types(onSocket)).doesNotContain("turn_cancel_requested");
        }
    }

    @Test
    void whileATurnRunsOnB_aMessageToTheSameConversationOnA_is409NamingIt_overRestAndWebSocket_andNothingIsStored() {
        newUserWithConversation();
        CompletableFuture<Void> release = new CompletableFuture<>();
        instances.modelB.then(Reply.text("Working").thenHoldUntil(release, " and done."));
        SseClient onB = SseClient.open(instances.apiB, sendMessage(instances.apiB, "first"));
        String running = onB.next(3).get(1).path("turn_id").asText();

        var refused = instances.apiA.post(CONVERSATIONS + "/" + conversation + "/messages", token, "{\"message\":\"second\"}");
        JsonNode frame;
        try (WsClient onA = WsClient.open(instances.a.uri(), token)) {
            onA.send("{\"type\":\"send_message\",\"conversation_id\":\"" + conversation
                    + "\",\"content\":\"third\",\"request_id\":7}");
            frame = onA.next("error");
        }
        release.complete(null);
        onB.untilTerminal();

        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(json(refused).path("code").asText()).isEqualTo("turn_in_progress");
        assertThat(json(refused).path("turn_id").asText()).isEqualTo(running);
        assertThat(frame.path("code").asText()).isEqualTo("turn_in_progress");
        assertThat(frame.path("turn_id").asText()).isEqualTo(running);
        assertThat(json(instances.apiA.get(CONVERSATIONS + "/" + conversation + "/messages", token)).path("items")
                .findValues("content")).extracting(JsonNode::asText).containsExactly("first", "Working and done.");
    }

    @Test
    void aSocketOnA_followingItsUser_receivesATurnStartedOverRestOnB_inAConversationCreatedThere_butNoOtherUsers() {
        newUserWithConversation();
        String watcherToken = token;
        try (WsClient onA = WsClient.open(instances.a.uri(), watcherToken)) {
            onA.send("{\"type\":\"subscribe\",\"scope\":\"user\",\"request_id\":\"all\"}");
            assertThat(onA.next("ack").path("request_id").asText()).isEqualTo("all");
            newUserWithConversation();
            SseClient.open(instances.apiB, sendMessage(instances.apiB, "not yours")).untilTerminal();
            token = watcherToken;
            conversation = instances.apiB.createConversation(token, "made on B");

            List<JsonNode> streamedByB = SseClient.open(instances.apiB, sendMessage(instances.apiB, "list tasks"))
                    .untilTerminal();
            List<JsonNode> receivedOnA = onA.turnEventsUntil(SseClient::terminal);

            assertThat(receivedOnA).isEqualTo(streamedByB);
            assertThat(types(receivedOnA)).contains("tool_progress").endsWith("complete");
        }
    }

    private HttpRequest.Builder sendMessage(TestHttp api, String text) {
        return api.request(CONVERSATIONS + "/" + conversation + "/messages", token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"message\":\"" + text + "\"}"));
    }

    static List<String> types(List<JsonNode> events) {
        return events.stream().map(event -> event.path("type").asText()).toList();
    }

    private static List<Long> sequence(long from, int count) {
        List<Long> values = new ArrayList<>();
        for (long i = from; i < from + count; i++) {
            values.add(i);
        }
        return values;
    }
}
