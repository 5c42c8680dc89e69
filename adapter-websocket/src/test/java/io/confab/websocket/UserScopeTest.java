package io.confab.websocket;

import static io.confab.websocket.WebSocketProtocolTest.turnEvents;
import static io.confab.websocket.WebSocketProtocolTest.type;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.confab.application.usecase.SendMessageUseCase.SendMessage;
import io.confab.application.usecase.TurnOutcome;
import io.confab.domain.ConversationId;
import io.confab.domain.UserId;
import io.confab.testkit.ScriptedReplies;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code subscribe} with scope user over real sockets: a receive-only socket sees every event of
 * every turn of its user, however the turn was started, once each, and never another user's.
 */
class UserScopeTest {

    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.inMemory(ScriptedReplies.model(), WebSocketSettings.defaults());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void aWatchingSocket_receivesEveryEventOfTurnsItDidNotStart_inEveryConversation_butNoOtherUsers() {
        try (WsClient watcher = server.connect("ursula"); WsClient sender = server.connect("ursula")) {
            watchUser(watcher, "w1");
            String first = createConversation(sender);
            String second = createConversation(sender);

            sender.send(sendMessage(first, "add task buy milk"));
            List<JsonNode> firstTurn = turnEvents(sender.until(f -> type(f).equals("complete")));
            sendOutsideTheSocket("victor", createConversationOutside("victor"), "not for ursula");
            sendOutsideTheSocket("ursula", ConversationId.parse(second), "started over REST");

            List<JsonNode> seen = turnEvents(watcher.until(f -> type(f).equals("complete")
                    && f.get("conversation_id").asText().equals(second)));
            assertThat(seen.subList(0, firstTurn.size())).isEqualTo(firstTurn);
            assertThat(types(firstTurn)).contains("message_created", "tool_starting", "tool_complete", "chunk", "complete");
            List<JsonNode> secondTurn = seen.subList(firstTurn.size(), seen.size());
            assertThat(secondTurn).allSatisfy(f -> assertThat(f.get("conversation_id").asText()).isEqualTo(second));
            assertThat(secondTurn.getFirst().get("message").get("content").asText()).isEqualTo("started over REST");
            assertThat(types(secondTurn)).startsWith("message_created").endsWith("complete");
        }
    }

    @Test
    void aSocketFollowingTheUserAndAConversation_orRunningTheTurn_getsEachEventOnce() {
        try (WsClient both = server.connect("wanda"); WsClient sender = server.connect("wanda")) {
            String conversation = createConversation(sender);
            watchUser(both, "w");
            both.subscribe(conversation);
            watchUser(sender, "w");

            sender.send(sendMessage(conversation, "hello both"));
            sender.send("{\"type\":\"typing\",\"conversation_id\":\"" + conversation + "\",\"is_typing\":true}");

            List<JsonNode> onSender = turnEvents(sender.until(f -> type(f).equals("complete")));
            List<JsonNode> onBoth = both.until(f -> type(f).equals("complete"));
            assertThat(turnEvents(onBoth)).isEqualTo(onSender);
            assertThat(onSender).extracting(f -> f.get("seq").asLong()).doesNotHaveDuplicates().isSorted();
            both.send("{\"type\":\"ping\"}");
            List<JsonNode> rest = both.until(f -> type(f).equals("pong"));
            List<JsonNode> all = new java.util.ArrayList<>(onBoth);
            all.addAll(rest);
            assertThat(all).filteredOn(f -> type(f).equals("typing")).hasSize(1);
            sender.send("{\"type\":\"ping\"}");
            assertThat(sender.until(f -> type(f).equals("pong"))).noneMatch(f -> type(f).equals("typing"));
        }
    }

    @Test
    void unsubscribingTheUserScope_stopsTheEvents() {
        try (WsClient watcher = server.connect("xena")) {
            watchUser(watcher, "on");
            watcher.send("{\"type\":\"unsubscribe\",\"scope\":\"user\",\"request_id\":\"off\"}");
            assertThat(watcher.next("ack").get("request_id").asText()).isEqualTo("off");

            sendOutsideTheSocket("xena", createConversationOutside("xena"), "unwatched");
            watcher.send("{\"type\":\"ping\"}");

            assertThat(watcher.until(f -> type(f).equals("pong"))).noneMatch(f -> f.has("turn_id"));
        }
    }

    @Test
    void listTasks_reportsItsCount_asToolProgress_beforeToolComplete() {
        try (WsClient client = server.connect("yusuf")) {
            String conversation = createConversation(client);
            for (String title : List.of("milk", "eggs", "bread")) {
                client.send(sendMessage(conversation, "add task " + title));
                client.next("complete");
            }

            client.send(sendMessage(conversation, "list tasks"));

            List<String> tools = types(turnEvents(client.until(f -> type(f).equals("complete")))).stream()
                    .filter(t -> t.startsWith("tool_")).toList();
            assertThat(tools).containsExactly("tool_starting", "tool_progress", "tool_complete");
        }
        try (WsClient watcher = server.connect("yusuf")) {
            watchUser(watcher, "w");
            sendOutsideTheSocket("yusuf", createConversationOutside("yusuf"), "list tasks");

            JsonNode progress = watcher.next("tool_progress");
            assertThat(progress.get("tool").asText()).isEqualTo("list_tasks");
            assertThat(progress.get("call_id").asText()).isEqualTo("call-1");
            assertThat(progress.get("message").asText()).isEqualTo("Found 3 tasks");
            assertThat(progress.get("count").asLong()).isEqualTo(3);
        }
    }

    private static void watchUser(WsClient client, String requestId) {
        client.send("{\"type\":\"subscribe\",\"scope\":\"user\",\"request_id\":\"" + requestId + "\"}");
        JsonNode ack = client.nextMatching(f -> type(f).equals("ack") && f.path("request_id").asText().equals(requestId));
        assertThat(ack.has("conversation_id")).isFalse();
    }

    private static String createConversation(WsClient client) {
        client.send("{\"type\":\"create_conversation\",\"request_id\":\"new\"}");
        return client.nextMatching(f -> type(f).equals("ack") && f.path("request_id").asText().equals("new"))
                .get("conversation_id").asText();
    }

    private static ConversationId createConversationOutside(String user) {
        return server.confab.createConversation().create(new UserId(user), "").id();
    }

    /** A turn run by the use case the REST routes call, on no socket. */
    private static void sendOutsideTheSocket(String user, ConversationId conversation, String content) {
        TurnOutcome outcome = server.confab.sendMessage()
                .send(new SendMessage(new UserId(user), conversation, content, Optional.empty()));
        assertThat(outcome).isInstanceOf(TurnOutcome.Completed.class);
    }

    private static String sendMessage(String conversation, String content) {
        return "{\"type\":\"send_message\",\"conversation_id\":\"" + conversation + "\",\"content\":\"" + content + "\"}";
    }

    private static List<String> types(List<JsonNode> frames) {
        return frames.stream().map(WebSocketProtocolTest::type).toList();
    }
}
