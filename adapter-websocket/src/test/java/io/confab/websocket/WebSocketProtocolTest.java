package io.confab.websocket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.JsonNode;
import io.confab.testkit.ScriptedChatModel;
import java.net.http.WebSocketHandshakeException;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The protocol of SPEC §7, frame by frame, over real sockets against a real Javalin server. */
class WebSocketProtocolTest {

    private static ScriptedChatModel model;
    private static TestServer server;

    @BeforeAll
    static void start() {
        model = new ScriptedChatModel();
        server = TestServer.inMemory(model, WebSocketSettings.defaults());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void aMissingToken_isRefusedWith401_beforeTheUpgrade() {
        assertThat(refusedStatus("/ws/chat")).isEqualTo(401);
    }

    @Test
    void aBadToken_isRefusedWith401() {
        assertThat(refusedStatus("/ws/chat?token=forged")).isEqualTo(401);
    }

    @Test
    void anExpiredToken_isRefusedWith401() {
        assertThat(refusedStatus("/ws/chat?token=" + FakeTokens.expiringIn(java.time.Duration.ofSeconds(-1), "alice")))
                .isEqualTo(401);
    }

    @Test
    void aPathUserOtherThanTheTokens_isRefusedWith403() {
        assertThat(refusedStatus("/ws/bob/chat?token=" + FakeTokens.of("alice"))).isEqualTo(403);
    }

    @Test
    void theFirstFrame_isConnectionEstablished_withTheUserAndAConnectionId() {
        try (WsClient client = WsClient.connect(server.uri("/ws/alice/chat?token=" + FakeTokens.of("alice")))) {
            JsonNode first = client.next();

            assertThat(first.get("type").asText()).isEqualTo("connection_established");
            assertThat(first.get("user_id").asText()).isEqualTo("alice");
            assertThat(first.get("connection_id").asText()).isNotBlank();
        }
    }

    @Test
    void aBearerHeader_authenticatesToo() {
        try (WsClient client = WsClient.connectWithHeader(server.uri("/ws/chat"), FakeTokens.of("carol"))) {
            assertThat(client.next().get("user_id").asText()).isEqualTo("carol");
        }
    }

    @Test
    void aStreamTicket_opensASocket_forItsUser() {
        try (WsClient client = WsClient.connect(server.uri("/ws/dave/chat?ticket=" + FakeTokens.ticket("dave")))) {
            assertThat(client.next().get("user_id").asText()).isEqualTo("dave");
        }
    }

    @Test
    void aBearerTokenInTheTicketParameter_andAForgedTicket_areRefusedWith401() {
        assertThat(refusedStatus("/ws/chat?ticket=" + FakeTokens.of("alice"))).isEqualTo(401);
        assertThat(refusedStatus("/ws/chat?ticket=forged")).isEqualTo(401);
        assertThat(refusedStatus("/ws/chat?token=" + FakeTokens.ticket("alice"))).isEqualTo(401);
    }

    @Test
    void aTicketForAnotherUserThanThePaths_isRefusedWith403() {
        assertThat(refusedStatus("/ws/bob/chat?ticket=" + FakeTokens.ticket("alice"))).isEqualTo(403);
    }

    @Test
    void ping_isAnsweredWithPong_carryingTheRequestId() {
        try (WsClient client = server.connect("alice")) {
            client.send("{\"type\":\"ping\",\"request_id\":\"p1\"}");

            JsonNode pong = client.next();
            assertThat(pong.get("type").asText()).isEqualTo("pong");
            assertThat(pong.get("request_id").asText()).isEqualTo("p1");
        }
    }

    @Test
    void sendMessage_withoutAConversation_createsOne_acksFirst_thenStreamsTheWholeTurn() {
        try (WsClient client = server.connect("dave")) {
            client.send("{\"type\":\"send_message\",\"content\":\"hello there\",\"request_id\":7}");

            List<JsonNode> frames = client.until(frame -> type(frame).equals("complete"));
            List<String> types = frames.stream().map(WebSocketProtocolTest::type)
                    .filter(t -> !t.startsWith("conversation_")).toList();
            assertThat(types).startsWith("ack", "message_created", "agent_thinking", "chunk").endsWith("complete");
            JsonNode ack = frames.stream().filter(f -> type(f).equals("ack")).findFirst().orElseThrow();
            assertThat(ack.get("request_id").asInt()).isEqualTo(7);
            String conversation = ack.get("conversation_id").asText();
            assertThat(frames).filteredOn(f -> type(f).equals("conversation_created"))
                    .singleElement().satisfies(f -> assertThat(f.get("conversation").get("id").asText()).isEqualTo(conversation));
            assertThat(frames).filteredOn(f -> f.has("seq") && f.get("seq").asLong() > 0)
                    .allSatisfy(f -> assertThat(f.get("conversation_id").asText()).isEqualTo(conversation))
                    .extracting(f -> f.get("seq").asLong()).isSorted().doesNotHaveDuplicates();
            assertThat(last(frames).get("message").get("content").asText()).isEqualTo("echo: hello there");
        }
    }

    @Test
    void createConversation_acksWithTheId_andNotifiesEveryOneOfTheUsersSockets() {
        try (WsClient first = server.connect("erin"); WsClient second = server.connect("erin")) {
            first.send("{\"type\":\"create_conversation\",\"title\":\"Trip\",\"request_id\":\"c1\"}");

            JsonNode ack = first.next("ack");
            JsonNode notification = second.next("conversation_created");
            assertThat(ack.get("request_id").asText()).isEqualTo("c1");
            assertThat(notification.get("conversation").get("id").asText()).isEqualTo(ack.get("conversation_id").asText());
            assertThat(notification.get("conversation").get("title").asText()).isEqualTo("Trip");
        }
    }

    @Test
    void anotherUsersConversation_isNotFound_forEveryRequest_andTheSocketStaysOpen() {
        String foreign = createConversation("frank");
        try (WsClient client = server.connect("gina")) {
            for (String request : List.of(
                    "{\"type\":\"subscribe\",\"conversation_id\":\"" + foreign + "\",\"request_id\":\"r\"}",
                    "{\"type\":\"send_message\",\"conversation_id\":\"" + foreign + "\",\"content\":\"hi\",\"request_id\":\"r\"}",
                    "{\"type\":\"cancel\",\"conversation_id\":\"" + foreign + "\",\"request_id\":\"r\"}",
                    "{\"type\":\"typing\",\"conversation_id\":\"" + foreign + "\",\"is_typing\":true,\"request_id\":\"r\"}",
                    "{\"type\":\"regenerate\",\"conversation_id\":\"" + foreign + "\",\"message_id\":\"" + foreign + "\",\"request_id\":\"r\"}",
                    "{\"type\":\"edit_message\",\"conversation_id\":\"" + foreign + "\",\"message_id\":\"" + foreign
                            + "\",\"content\":\"mine\",\"request_id\":\"r\"}")) {
                client.send(request);
                JsonNode error = client.next();
                assertThat(type(error)).as(request).isEqualTo("error");
                assertThat(error.get("code").asText()).isEqualTo("not_found");
                assertThat(error.get("request_id").asText()).isEqualTo("r");
            }
            assertStillServes(client);
        }
    }

    @Test
    void everyMalformedFrame_getsAnErrorFrame_withACode_andTheSocketStaysOpen() {
        String tooLarge = "{\"type\":\"ping\",\"pad\":\"" + "x".repeat(70 * 1024) + "\"}";
        List<List<String>> cases = List.of(
                List.of("not json", "malformed_json"),
                List.of("[1,2]", "malformed_json"),
                List.of("{\"type\":\"ping\"} trailing", "malformed_json"),
                List.of("{\"type\":\"ping\"}{\"type\":\"ping\"}", "malformed_json"),
                List.of("{\"request_id\":\"q\"}", "invalid_request"),
                List.of("{\"type\":42}", "invalid_request"),
                List.of("{\"type\":\"dance\"}", "unknown_type"),
                List.of("{\"type\":\"send_message\"}", "invalid_request"),
                List.of("{\"type\":\"send_message\",\"content\":5}", "invalid_request"),
                List.of("{\"type\":\"send_message\",\"content\":\"hi\",\"conversation_id\":\"nope\"}", "invalid_request"),
                List.of("{\"type\":\"send_message\",\"content\":\"   \"}", "validation_failed"),
                List.of("{\"type\":\"send_message\",\"content\":\"" + "y".repeat(10_001) + "\"}", "validation_failed"),
                List.of("{\"type\":\"create_conversation\",\"title\":\"" + "t".repeat(501) + "\"}", "validation_failed"),
                List.of("{\"type\":\"subscribe\"}", "invalid_request"),
                List.of("{\"type\":\"subscribe\",\"conversation_id\":\"00000000-0000-7000-8000-000000000009\",\"last_seq\":\"x\"}", "invalid_request"),
                List.of("{\"type\":\"typing\",\"conversation_id\":\"00000000-0000-7000-8000-000000000009\",\"is_typing\":\"yes\"}", "invalid_request"),
                List.of("{\"type\":\"ping\",\"request_id\":{\"a\":1}}", "invalid_request"),
                List.of("{\"type\":\"subscribe\",\"scope\":\"everyone\"}", "invalid_request"),
                List.of("{\"type\":\"subscribe\",\"scope\":7}", "invalid_request"),
                List.of("{\"type\":\"unsubscribe\",\"scope\":\"team\"}", "invalid_request"),
                List.of("{\"type\":\"subscribe\",\"scope\":\"user\",\"conversation_id\":\"00000000-0000-7000-8000-000000000009\"}", "invalid_request"),
                List.of("{\"type\":\"subscribe\",\"scope\":\"user\",\"last_seq\":3}", "invalid_request"),
                List.of("{\"type\":\"subscribe\",\"scope\":\"conversation\"}", "invalid_request"),
                List.of("{\"type\":\"regenerate\",\"conversation_id\":\"00000000-0000-7000-8000-000000000009\"}", "invalid_request"),
                List.of("{\"type\":\"regenerate\",\"conversation_id\":\"00000000-0000-7000-8000-000000000009\",\"message_id\":\"m1\"}", "invalid_request"),
                List.of("{\"type\":\"regenerate\",\"message_id\":\"00000000-0000-7000-8000-000000000009\"}", "invalid_request"),
                List.of("{\"type\":\"edit_message\",\"conversation_id\":\"00000000-0000-7000-8000-000000000009\",\"message_id\":\"00000000-0000-7000-8000-000000000009\"}", "invalid_request"),
                List.of("{\"type\":\"edit_message\",\"conversation_id\":\"00000000-0000-7000-8000-000000000009\",\"message_id\":\"00000000-0000-7000-8000-000000000009\",\"content\":[1]}", "invalid_request"),
                List.of("{\"type\":\"edit_message\",\"conversation_id\":\"00000000-0000-7000-8000-000000000009\",\"message_id\":\"00000000-0000-7000-8000-000000000009\",\"content\":\" \"}", "validation_failed"),
                List.of(tooLarge, "frame_too_large"));
        try (WsClient client = server.connect("hugo")) {
            for (List<String> c : cases) {
                client.send(c.get(0));
                JsonNode error = client.next();
                assertThat(type(error)).as(abbreviate(c.get(0))).isEqualTo("error");
                assertThat(error.get("code").asText()).as(abbreviate(c.get(0))).isEqualTo(c.get(1));
                assertThat(error.get("message").asText()).isNotBlank();
            }
            assertStillServes(client);
        }
    }

    @Test
    void aBinaryFrame_getsAnUnsupportedFrameError_andTheSocketStaysOpen() {
        try (WsClient client = server.connect("hedda")) {
            client.sendBinary(new byte[] {'{', '}'});
            JsonNode error = client.next();

            assertThat(type(error)).isEqualTo("error");
            assertThat(error.get("code").asText()).isEqualTo("unsupported_frame");
            assertThat(error.get("message").asText()).contains("text");
            assertStillServes(client);
        }
    }

    @Test
    void aBinaryFrameOverTheFrameLimit_getsFrameTooLarge_andTheSocketStaysOpen() {
        try (WsClient client = server.connect("hilde")) {
            client.sendBinary(new byte[70 * 1024]);

            assertThat(client.next().get("code").asText()).isEqualTo("frame_too_large");
            assertStillServes(client);
        }
    }

    @Test
    void cancel_withoutARunningTurn_isAnError() {
        try (WsClient client = server.connect("ivan")) {
            String conversation = createConversation(client);
            client.send("{\"type\":\"cancel\",\"conversation_id\":\"" + conversation + "\"}");

            assertThat(client.next().get("code").asText()).isEqualTo("no_running_turn");
        }
    }

    @Test
    void cancel_stopsTheRunningTurn_whichEndsWithCancelled() {
        try (WsClient client = server.connect("jane")) {
            String conversation = createConversation(client);
            model.then(ScriptedChatModel.Reply.text().thenHangUntilCancelled(new CountDownLatch(1)));
            client.send("{\"type\":\"send_message\",\"conversation_id\":\"" + conversation + "\",\"content\":\"please wait\"}");
            client.next("agent_thinking");

            client.send("{\"type\":\"cancel\",\"conversation_id\":\"" + conversation + "\",\"request_id\":\"x\"}");

            // the turn may end before the ack is written: both come, in either order

            java.util.Set<String> awaited = new java.util.HashSet<>(List.of("ack", "cancelled"));
            List<JsonNode> frames = client.until(frame -> awaited.remove(type(frame)) && awaited.isEmpty());
            assertThat(frames).filteredOn(frame -> type(frame).equals("ack")).singleElement()
                    .satisfies(ack -> assertThat(ack.get("request_id").asText()).isEqualTo("x"));
            assertThat(frames).filteredOn(frame -> type(frame).equals("cancelled")).singleElement()
                    .satisfies(cancelled -> assertThat(cancelled.get("message").get("status").asText()).isEqualTo("interrupted"));
        }
    }

    @Test
    void typing_reachesTheUsersOtherSockets_butIsNotEchoedToTheSender() {
        try (WsClient phone = server.connect("kim"); WsClient laptop = server.connect("kim")) {
            String conversation = createConversation(phone);
            subscribe(laptop, conversation);

            phone.send("{\"type\":\"typing\",\"conversation_id\":\"" + conversation + "\",\"is_typing\":true}");

            JsonNode typing = laptop.next("typing");
            assertThat(typing.get("user_id").asText()).isEqualTo("kim");
            assertThat(typing.get("is_typing").asBoolean()).isTrue();
            phone.send("{\"type\":\"ping\"}");
            assertThat(type(phone.next())).isEqualTo("pong");
        }
    }

    @Test
    void aMessageSentFromOneSocket_streamsLiveOnTheUsersOtherSubscribedSocket() {
        try (WsClient phone = server.connect("liam"); WsClient laptop = server.connect("liam")) {
            String conversation = createConversation(phone);
            subscribe(laptop, conversation);

            phone.send("{\"type\":\"send_message\",\"conversation_id\":\"" + conversation + "\",\"content\":\"sync me\"}");

            List<JsonNode> onPhone = turnEvents(phone.until(frame -> type(frame).equals("complete")));
            List<JsonNode> onLaptop = turnEvents(laptop.until(frame -> type(frame).equals("complete")));
            assertThat(onLaptop).isEqualTo(onPhone);
            assertThat(onLaptop.get(0).get("message").get("content").asText()).isEqualTo("sync me");
        }
    }

    @Test
    void subscribe_withLastSeq_replaysExactlyTheMissingEvents() {
        try (WsClient sender = server.connect("mia")) {
            String conversation = createConversation(sender);
            sender.send("{\"type\":\"send_message\",\"conversation_id\":\"" + conversation + "\",\"content\":\"resume me\"}");
            List<JsonNode> frames = sender.until(frame -> type(frame).equals("complete"));
            List<JsonNode> all = turnEvents(frames);
            // after its complete event the turn notifies every socket of the owner (on the user's
            // channel, so it may overtake complete); a socket that connected just then got that
            // conversation_updated before its ack
            if (frames.stream().noneMatch(frame -> type(frame).equals("conversation_updated"))) {
                sender.next("conversation_updated");
            }

            try (WsClient resumed = server.connect("mia")) {
                resumed.send("{\"type\":\"subscribe\",\"conversation_id\":\"" + conversation + "\",\"last_seq\":2,\"request_id\":\"s\"}");

                assertThat(type(resumed.next())).isEqualTo("ack");
                assertThat(turnEvents(resumed.until(frame -> type(frame).equals("complete"))))
                        .isEqualTo(all.subList(2, all.size()));
            }
            try (WsClient exact = server.connect("mia")) {
                String lastEventId = all.get(0).get("turn_id").asText() + ":" + (all.size() - 1);
                exact.send("{\"type\":\"subscribe\",\"conversation_id\":\"" + conversation + "\",\"last_event_id\":\"" + lastEventId + "\"}");

                assertThat(type(exact.next())).isEqualTo("ack");
                assertThat(exact.next()).isEqualTo(last(all));
            }
        }
    }

    @Test
    void unsubscribe_stopsTheConversationsEvents() {
        try (WsClient phone = server.connect("nina"); WsClient laptop = server.connect("nina")) {
            String conversation = createConversation(phone);
            subscribe(laptop, conversation);
            laptop.send("{\"type\":\"unsubscribe\",\"conversation_id\":\"" + conversation + "\"}");
            assertThat(type(laptop.next())).isEqualTo("ack");

            phone.send("{\"type\":\"send_message\",\"conversation_id\":\"" + conversation + "\",\"content\":\"quiet\"}");
            phone.next("complete");
            laptop.send("{\"type\":\"ping\"}");

            assertThat(type(laptop.nextMatching(f -> !type(f).startsWith("conversation_")))).isEqualTo("pong");
        }
    }

    @Test
    void aTokenThatExpiresOnAnOpenSocket_closesItWith1008() {
        try (WsClient client = WsClient.connect(server.uri("/ws/chat?token="
                + FakeTokens.expiringIn(java.time.Duration.ofMillis(700), "olga")))) {
            assertThat(type(client.next())).isEqualTo("connection_established");

            assertThat(client.awaitCloseCode()).isEqualTo(1008);
        }
    }

    private static int refusedStatus(String pathAndQuery) {
        Throwable refused = catchThrowable(() -> WsClient.connect(server.uri(pathAndQuery)));

        assertThat(refused).isInstanceOf(CompletionException.class).hasCauseInstanceOf(WebSocketHandshakeException.class);
        return ((WebSocketHandshakeException) refused.getCause()).getResponse().statusCode();
    }

    private static String createConversation(String user) {
        try (WsClient client = server.connect(user)) {
            return createConversation(client);
        }
    }

    private static String createConversation(WsClient client) {
        client.send("{\"type\":\"create_conversation\",\"request_id\":\"new\"}");
        return client.nextMatching(f -> type(f).equals("ack") && f.path("request_id").asText().equals("new"))
                .get("conversation_id").asText();
    }

    private static void subscribe(WsClient client, String conversation) {
        client.send("{\"type\":\"subscribe\",\"conversation_id\":\"" + conversation + "\",\"request_id\":\"sub\"}");
        client.nextMatching(f -> type(f).equals("ack") && f.path("request_id").asText().equals("sub"));
    }

    private static void assertStillServes(WsClient client) {
        client.send("{\"type\":\"ping\",\"request_id\":\"alive\"}");
        assertThat(client.next("pong").get("request_id").asText()).isEqualTo("alive");
    }

    static List<JsonNode> turnEvents(List<JsonNode> frames) {
        return frames.stream().filter(f -> f.has("turn_id")).toList();
    }

    static String type(JsonNode frame) {
        return frame.path("type").asText();
    }

    private static JsonNode last(List<JsonNode> frames) {
        return frames.get(frames.size() - 1);
    }

    private static String abbreviate(String text) {
        return text.length() > 80 ? text.substring(0, 80) + "…" : text;
    }
}
