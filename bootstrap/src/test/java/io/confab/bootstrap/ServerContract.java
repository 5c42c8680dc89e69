package io.confab.bootstrap;

import static io.confab.testkit.http.TestHttp.CONVERSATIONS;
import static io.confab.testkit.http.TestHttp.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.confab.testkit.Await;
import io.confab.testkit.ScriptedChatModel.Reply;
import io.confab.testkit.auth.TestTokens;
import io.confab.testkit.http.SseClient;
import io.confab.testkit.http.TestHttp;
import io.confab.websocket.WsClient;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Black-box tests of the real server: {@link ConfabServer} on a random port over a real database,
 * called over real HTTP. Subclasses choose the database (H2 file, PostgreSQL).
 */
abstract class ServerContract extends RealServerTest {

    private static final AtomicInteger USERS = new AtomicInteger();
    /** Seed 002's reply metadata profile, as shipped in the docs. */
    static final Path HOME_SERVICES = Path.of("..", "docs", "profiles", "home-services.json");

    ServerContract(ServerDatabase database) {
        super(database);
    }

    @Override
    Map<String, String> settings() {
        return Map.of("CONFAB_REPLY_METADATA", HOME_SERVICES.toString());
    }

    @Override
    int rateLimit() {
        return 20;
    }

    private static String newUser() {
        return "user-" + USERS.incrementAndGet();
    }

    // ---- every route's success case --------------------------------------------------------

    @Test
    void everyRoute_answersItsSuccessCase() throws Exception {
        String user = newUser();
        String token = TestTokens.token(user);

        var created = api.post(CONVERSATIONS, token, "{\"title\":\"Errands\"}");
        assertThat(created.statusCode()).isEqualTo(201);
        String id = json(created).path("id").asText();
        String one = CONVERSATIONS + "/" + id;
        assertThat(created.headers().firstValue("Location")).hasValue(one);

        assertThat(json(api.get(one, token)).path("title").asText()).isEqualTo("Errands");
        assertThat(json(api.patch(one + "/title", token, "{\"title\":\"Chores\"}")).path("title").asText()).isEqualTo("Chores");
        JsonNode updated = json(api.patch(one, token, "{\"status\":\"closed\",\"metadata\":{\"k\":\"v\"}}"));
        assertThat(updated.path("status").asText()).isEqualTo("closed");
        assertThat(updated.path("metadata").path("k").asText()).isEqualTo("v");

        var turn = api.post(one + "/messages", token, "{\"message\":\"add task buy milk\"}");
        assertThat(turn.statusCode()).as(turn.body()).isEqualTo(200);
        JsonNode body = json(turn);
        assertThat(body.path("conversation_id").asText()).isEqualTo(id);
        assertThat(body.path("user_message").path("content").asText()).isEqualTo("add task buy milk");
        assertThat(body.path("assistant_message").path("content").asText()).isEqualTo("Done: add_task.");
        assertThat(body.path("tool_calls").get(0).path("tool").asText()).isEqualTo("add_task");
        assertThat(body.path("tool_calls").get(0).path("status").asText()).isEqualTo("ok");

        JsonNode messages = json(api.get(one + "/messages?limit=50", token));
        assertThat(messages.path("items")).hasSize(2);
        assertThat(messages.path("has_more").asBoolean()).isFalse();
        assertThat(json(api.get(CONVERSATIONS + "?limit=10", token)).path("total").asInt()).isEqualTo(1);

        JsonNode found = json(api.get("/api/v1/chat/search?q=milk", token));
        assertThat(found.path("items").get(0).path("conversation_id").asText()).isEqualTo(id);

        JsonNode tasks = json(api.get("/api/v1/tasks?status=pending", token));
        assertThat(tasks.path("items").get(0).path("title").asText()).isEqualTo("buy milk");

        List<String> frames = sse(api.request(one + "/stream?message=hello", token).GET());
        assertThat(frames.get(frames.size() - 1)).contains("\"type\":\"complete\"");

        JsonNode oneShot = json(api.post("/api/" + user + "/chat", token, "{\"message\":\"hi there\"}"));
        assertThat(oneShot.path("response").asText()).isEqualTo("Echo: hi there");
        assertThat(oneShot.path("role").asText()).isEqualTo("assistant");

        assertThat(api.delete(one, token).statusCode()).isEqualTo(204);
        assertThat(api.get(one, token).statusCode()).isEqualTo(404);
        assertThat(json(api.get(CONVERSATIONS, token)).path("items")).hasSize(1);

        assertThat(api.get("/health/live", null).statusCode()).isEqualTo(200);
        assertThat(json(api.get("/health/ready", null)).path("checks").path("database").path("status").asText()).isEqualTo("up");
        assertThat(api.get("/metrics", null).body()).contains("confab_turns_total").contains("confab_tool_calls_total");
        assertThat(json(api.get("/openapi.json", null)).path("openapi").asText()).isEqualTo("3.1.0");
        assertThat(api.post("/api/v1/auth/dev-token", null, "{\"user_id\":\"x\"}").statusCode()).isEqualTo(404);
    }

    // ---- seed 002: reply metadata, streamed one-shot, last message -----------------------------

    @Test
    void aStreamedTurn_sendsTheRepliesMetadataJustBeforeComplete_andStoresItWithTheReply() {
        String token = TestTokens.token(newUser());
        String one = CONVERSATIONS + "/" + api.createConversation(token, "leak");

        List<JsonNode> events = SseClient.open(api, api.request(one + "/stream?message=my%20pipe%20burst", token).GET())
                .untilTerminal();

        JsonNode metadata = events.get(events.size() - 2);
        JsonNode complete = events.getLast();
        assertThat(metadata.path("type").asText()).isEqualTo("metadata");
        assertThat(complete.path("type").asText()).isEqualTo("complete");
        assertThat(metadata.path("message_id").asText()).isEqualTo(complete.path("message").path("id").asText());
        JsonNode expected = TestHttp.JSON.valueToTree(Map.of("service_type", "plumbing", "urgency", "emergency",
                "confidence", 0.9, "next_steps", List.of("Turn off the water supply.")));
        assertThat(metadata.path("metadata")).isEqualTo(expected);
        assertThat(complete.path("message").path("metadata")).isEqualTo(expected);
        JsonNode stored = json(api.get(one + "/messages", token)).path("items").get(1);
        assertThat(stored.path("metadata").path("service_type").asText()).isEqualTo("plumbing");
        assertThat(stored.path("metadata").path("next_steps").get(0).asText()).isEqualTo("Turn off the water supply.");
    }

    @Test
    void metadataTheSchemaRejects_isReplacedByTheProfilesFallback() {
        String token = TestTokens.token(newUser());
        String one = CONVERSATIONS + "/" + api.createConversation(token, "odd");

        JsonNode reply = json(api.post(one + "/messages", token, "{\"message\":\"a dubious request\"}"))
                .path("assistant_message");

        assertThat(reply.path("metadata").path("service_type").asText()).isEqualTo("general_maintenance");
        assertThat(reply.path("metadata").path("urgency").asText()).isEqualTo("medium");
        assertThat(reply.path("metadata").path("confidence").asDouble()).isEqualTo(0.3);
    }

    @Test
    void theOneShotRoute_withAcceptEventStream_streamsTheTurn_inANewConversation() {
        String user = newUser();
        String token = TestTokens.token(user);

        List<JsonNode> events = SseClient.open(api, api.request("/api/" + user + "/chat", token)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"message\":\"hello stream\"}")))
                .untilTerminal();

        assertThat(events.getFirst().path("type").asText()).isEqualTo("message_created");
        assertThat(events.getLast().path("type").asText()).isEqualTo("complete");
        assertThat(events.getLast().path("message").path("content").asText()).isEqualTo("Echo: hello stream");
        String conversation = events.getFirst().path("conversation_id").asText();
        assertThat(json(api.get(CONVERSATIONS + "/" + conversation, token)).path("total_messages").asInt()).isEqualTo(2);
        var other = api.send(api.request("/api/" + user + "/chat", TestTokens.token(newUser()))
                .header("Accept", "text/event-stream").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"message\":\"hi\"}")));
        assertThat(other.statusCode()).isEqualTo(403);
    }

    @Test
    void listItems_carryTheStartOfTheirNewestMessage_orNull() {
        String token = TestTokens.token(newUser());
        String quiet = api.createConversation(token, "quiet");
        String talked = api.createConversation(token, "talked");
        String longMessage = "word ".repeat(100).strip();
        assertThat(api.post(CONVERSATIONS + "/" + talked + "/messages", token,
                "{\"message\":\"" + longMessage + "\"}").statusCode()).isEqualTo(200);

        JsonNode items = json(api.get(CONVERSATIONS, token)).path("items");

        assertThat(items.get(0).path("id").asText()).isEqualTo(talked);
        JsonNode last = items.get(0).path("last_message");
        assertThat(last.path("role").asText()).isEqualTo("assistant");
        assertThat(last.path("content").asText()).isEqualTo(("Echo: " + longMessage).substring(0, 200));
        assertThat(last.path("created_at").asText()).isNotEmpty();
        assertThat(items.get(1).path("id").asText()).isEqualTo(quiet);
        assertThat(items.get(1).path("last_message").isNull()).isTrue();
    }

    // ---- authentication -----------------------------------------------------------------------

    @Test
    void everyKindOfBadToken_is401_withAnInvalidTokenChallenge() {
        String user = newUser();
        Map<String, String> bad = Map.of(
                "alg none", TestTokens.algNone(user),
                "HS256 keyed with the RSA public key", TestTokens.hs256WithPublicKey(user),
                "bad signature", TestTokens.signedByAnotherKey(user),
                "expired", TestTokens.expired(user),
                "malformed", "eyJhbGciOi.not-a-token",
                "wrong issuer", TestTokens.wrongIssuer(user),
                "wrong audience", TestTokens.wrongAudience(user));

        bad.forEach((kind, token) -> {
            var response = api.get(CONVERSATIONS, token);
            assertThat(response.statusCode()).as(kind).isEqualTo(401);
            assertThat(response.headers().firstValue("WWW-Authenticate")).as(kind).hasValue("Bearer error=\"invalid_token\"");
            assertThat(response.headers().firstValue("Content-Type")).as(kind).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/problem+json"));
        });
        var none = api.get(CONVERSATIONS, null);
        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(none.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
    }

    // ---- a conversation's own settings (SPEC §16) ---------------------------------------------

    @Test
    void patch_setsAConversationsOwnPromptModelAndRetention_whichTheNextTurnUses_andNullClears() {
        String alice = TestTokens.token(newUser());
        String one = CONVERSATIONS + "/" + api.createConversation(alice, "Pirates");

        JsonNode patched = json(api.patch(one, alice,
                "{\"system_prompt\":\"Answer like a pirate.\",\"model\":\"scripted\",\"retention_days\":30}"));
        api.post(one + "/messages", alice, "{\"message\":\"hello\"}");

        assertThat(patched.path("system_prompt").asText()).isEqualTo("Answer like a pirate.");
        assertThat(patched.path("model").asText()).isEqualTo("scripted");
        assertThat(patched.path("retention_days").asInt()).isEqualTo(30);
        assertThat(model.requests().getLast().systemPrompt()).isEqualTo("Answer like a pirate.");
        JsonNode cleared = json(api.patch(one, alice, "{\"system_prompt\":null,\"model\":\"\",\"retention_days\":null}"));
        assertThat(cleared.path("system_prompt").isNull()).isTrue();
        assertThat(cleared.path("model").isNull()).isTrue();
        assertThat(cleared.path("retention_days").isNull()).isTrue();
    }

    @Test
    void patch_withAModelTheServerDoesNotAllow_orBadSettings_is422_andChangesNothing() {
        String alice = TestTokens.token(newUser());
        String one = CONVERSATIONS + "/" + api.createConversation(alice, "Careful");

        HttpResponse<String> unlisted = api.patch(one, alice, "{\"model\":\"gpt-unlisted\"}");

        assertThat(unlisted.statusCode()).isEqualTo(422);
        assertThat(json(unlisted).path("errors").get(0).path("field").asText()).isEqualTo("model");
        assertThat(api.patch(one, alice, "{\"retention_days\":\"forever\"}").statusCode()).isEqualTo(422);
        assertThat(api.patch(one, alice, "{\"retention_days\":1.5}").statusCode()).isEqualTo(422);
        assertThat(api.patch(one, alice, "{\"system_prompt\":7}").statusCode()).isEqualTo(422);
        assertThat(json(api.get(one, alice)).path("model").isNull()).isTrue();
    }

    // ---- regenerate and versions (SPEC §16) --------------------------------------------------

    @Test
    void regenerate_writesTheLatestReplyAgain_theListShowsTheNewest_andVersionsListBoth() {
        String alice = TestTokens.token(newUser());
        String one = CONVERSATIONS + "/" + api.createConversation(alice, "Drafts");
        model.then(Reply.text("first draft")).then(Reply.text("second draft"));
        JsonNode asked = json(api.post(one + "/messages", alice, "{\"message\":\"write it\"}"));
        String reply = asked.path("assistant_message").path("id").asText();

        HttpResponse<String> again = api.post(one + "/messages/" + reply + "/regenerate", alice, "");

        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(json(again).path("assistant_message").path("content").asText()).isEqualTo("second draft");
        assertThat(json(api.get(one + "/messages", alice)).path("items")).extracting(item -> item.path("content").asText())
                .containsExactly("write it", "second draft");
        assertThat(json(api.get(one + "/messages/" + reply + "/versions", alice)).path("items"))
                .extracting(item -> item.path("content").asText()).containsExactly("first draft", "second draft");
        model.then(Reply.text("streamed draft"));
        SseClient stream = SseClient.open(api, api.request(one + "/messages/" + reply + "/regenerate", alice)
                .POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(stream.untilTerminal().getLast().path("type").asText()).isEqualTo("complete");
        assertThat(json(api.get(one + "/messages/" + reply + "/versions", alice)).path("items")).hasSize(3);
    }

    @Test
    void editingTheLatestMessage_answersTheNewText_andKeepsTheOldOneAsAVersion() {
        String alice = TestTokens.token(newUser());
        String bob = TestTokens.token(newUser());
        String one = CONVERSATIONS + "/" + api.createConversation(alice, "Trips");
        model.then(Reply.text("Lisbon it is.")).then(Reply.text("Porto it is."));
        String asked = json(api.post(one + "/messages", alice, "{\"message\":\"go to Lisbon\"}")).path("user_message")
                .path("id").asText();

        HttpResponse<String> edited = api.patch(one + "/messages/" + asked, alice, "{\"content\":\"go to Porto\"}");

        assertThat(edited.statusCode()).as(edited.body()).isEqualTo(200);
        assertThat(json(edited).path("assistant_message").path("content").asText()).isEqualTo("Porto it is.");
        assertThat(json(api.get(one + "/messages", alice)).path("items")).extracting(item -> item.path("content").asText())
                .containsExactly("go to Porto", "Porto it is.");
        assertThat(json(api.get(one + "/messages/" + asked + "/versions", alice)).path("items"))
                .extracting(item -> item.path("content").asText()).containsExactly("go to Lisbon", "go to Porto");
        assertThat(api.patch(one + "/messages/" + asked, alice, "{\"content\":\" \"}").statusCode()).isEqualTo(422);
        assertThat(api.patch(one + "/messages/" + asked, bob, "{\"content\":\"mine\"}").statusCode()).isEqualTo(404);
    }

    @Test
    void regenerate_ofAnOlderExchange_is422_andAnotherUsersMessage_404() {
        String alice = TestTokens.token(newUser());
        String bob = TestTokens.token(newUser());
        String one = CONVERSATIONS + "/" + api.createConversation(alice, "Two questions");
        String older = json(api.post(one + "/messages", alice, "{\"message\":\"one\"}")).path("assistant_message").path("id").asText();
        api.post(one + "/messages", alice, "{\"message\":\"two\"}");

        HttpResponse<String> refused = api.post(one + "/messages/" + older + "/regenerate", alice, "");

        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(json(refused).path("code").asText()).isEqualTo("validation_failed");
        assertThat(api.post(one + "/messages/" + older + "/regenerate", bob, "").statusCode()).isEqualTo(404);
        assertThat(api.get(one + "/messages/" + older + "/versions", bob).statusCode()).isEqualTo(404);
    }

    @Test
    void overTheWebSocket_regenerateAndEditMessage_streamTheNewReply_keepVersions_andAnswerTheRestErrors() throws IOException {
        String alice = TestTokens.token(newUser());
        String id = api.createConversation(alice, "Socket drafts");
        String one = CONVERSATIONS + "/" + id;
        JsonNode older = json(api.post(one + "/messages", alice, "{\"message\":\"first\"}"));
        JsonNode latest = json(api.post(one + "/messages", alice, "{\"message\":\"go to Lisbon\"}"));
        String question = latest.path("user_message").path("id").asText();
        String reply = latest.path("assistant_message").path("id").asText();
        try (WsClient socket = WsClient.open(server.uri(), alice);
             WsClient bobs = WsClient.open(server.uri(), TestTokens.token(newUser()))) {
            model.then(Reply.text("Lisbon, again."));
            socket.send(rewrite("regenerate", id, reply, null, "re"));
            assertThat(socket.next("ack").path("request_id").asText()).isEqualTo("re");
            List<JsonNode> regenerated = socket.turnEventsUntil(SseClient::terminal);
            assertThat(regenerated.getFirst().path("message").path("id").asText()).isEqualTo(question);
            assertThat(regenerated.getLast().path("type").asText()).isEqualTo("complete");
            assertThat(regenerated.getLast().path("message").path("content").asText()).isEqualTo("Lisbon, again.");

            socket.send(rewrite("edit_message", id, question, "go to Porto", "ed"));
            assertThat(socket.next("ack").path("conversation_id").asText()).isEqualTo(id);
            List<JsonNode> edited = socket.turnEventsUntil(SseClient::terminal);
            assertThat(edited.getFirst().path("message").path("content").asText()).isEqualTo("go to Porto");
            assertThat(edited.getLast().path("message").path("content").asText()).isEqualTo("Echo: go to Porto");

            assertThat(json(api.get(one + "/messages", alice)).path("items")).extracting(item -> item.path("content").asText())
                    .containsExactly("first", "Echo: first", "go to Porto", "Echo: go to Porto");
            assertThat(json(api.get(one + "/messages/" + reply + "/versions", alice)).path("items"))
                    .extracting(item -> item.path("content").asText()).containsExactly("Echo: go to Lisbon", "Lisbon, again.");
            assertThat(json(api.get(one + "/messages/" + question + "/versions", alice)).path("items"))
                    .extracting(item -> item.path("content").asText()).containsExactly("go to Lisbon", "go to Porto");

            String olderReply = older.path("assistant_message").path("id").asText();
            assertSocketError(socket, rewrite("regenerate", id, olderReply, null, "old"), "validation_failed");
            assertSocketError(socket, rewrite("edit_message", id, older.path("user_message").path("id").asText(), "x", "old"),
                    "validation_failed");
            assertSocketError(socket, rewrite("edit_message", id, question, " ", "blank"), "validation_failed");
            assertSocketError(bobs, rewrite("regenerate", id, reply, null, "foreign"), "not_found");
            assertSocketError(bobs, rewrite("edit_message", id, question, "mine", "foreign"), "not_found");
            assertSocketError(socket, rewrite("regenerate", id, id, null, "unknown"), "not_found");

            CompletableFuture<Void> release = new CompletableFuture<>();
            model.then(Reply.text("Working").thenHoldUntil(release, " and done."));
            socket.send("{\"type\":\"send_message\",\"conversation_id\":\"" + id + "\",\"content\":\"hold on\"}");
            JsonNode running = socket.next("message_created");
            socket.send(rewrite("regenerate", id, running.path("message").path("id").asText(), null, "busy"));
            JsonNode busy = socket.nextMatching(f -> f.path("request_id").asText().equals("busy"));
            release.complete(null);
            assertThat(busy.path("code").asText()).isEqualTo("turn_in_progress");
            assertThat(busy.path("turn_id").asText()).isEqualTo(running.path("turn_id").asText());
            socket.next("complete");
        }
        assertThat(json(api.get(one + "/messages/" + reply + "/versions", TestTokens.token(newUser()))).path("code").asText())
                .isEqualTo("not_found");
    }

    @Test
    void listTasks_reportsItsCount_asToolProgress_onTheSseStream_andTheWebSocket() {
        String token = TestTokens.token(newUser());
        String one = CONVERSATIONS + "/" + api.createConversation(token, "Counting");
        api.post(one + "/messages", token, "{\"message\":\"add task milk\"}");
        api.post(one + "/messages", token, "{\"message\":\"add task eggs\"}");

        try (WsClient watcher = WsClient.open(server.uri(), token)) {
            watcher.send("{\"type\":\"subscribe\",\"scope\":\"user\",\"request_id\":\"all\"}");
            watcher.next("ack");
            List<JsonNode> streamed = SseClient.open(api, api.request(one + "/messages", token)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"message\":\"list tasks\"}"))).untilTerminal();

            assertThat(streamed).extracting(e -> e.path("type").asText()).containsSubsequence(
                    "tool_starting", "tool_progress", "tool_complete", "complete");
            JsonNode progress = streamed.stream().filter(e -> e.path("type").asText().equals("tool_progress"))
                    .findFirst().orElseThrow();
            assertThat(progress.path("tool").asText()).isEqualTo("list_tasks");
            assertThat(progress.path("message").asText()).isEqualTo("Found 2 tasks");
            assertThat(progress.path("count").asLong()).isEqualTo(2);
            assertThat(watcher.turnEventsUntil(SseClient::terminal)).isEqualTo(streamed);
        }
    }

    private static String rewrite(String type, String conversation, String message, String content, String requestId) {
        ObjectNode frame = TestHttp.JSON.createObjectNode().put("type", type).put("conversation_id", conversation)
                .put("message_id", message).put("request_id", requestId);
        if (content != null) {
            frame.put("content", content);
        }
        return frame.toString();
    }

    /** Sends {@code frame} and expects its answer (matched by request id) to be an error with {@code code}. */
    private static void assertSocketError(WsClient socket, String frame, String code) throws IOException {
        String requestId = TestHttp.JSON.readTree(frame).path("request_id").asText();
        socket.send(frame);
        JsonNode answer = socket.nextMatching(f -> f.path("request_id").asText().equals(requestId));
        assertThat(answer.path("type").asText()).as(frame).isEqualTo("error");
        assertThat(answer.path("code").asText()).as(frame).isEqualTo(code);
    }

    @Test
    void aStreamTicket_standsInForTheToken_onTheStreamAndTheWebSocket_andNowhereElse() throws Exception {
        String user = newUser();
        String token = TestTokens.token(user);
        String id = api.createConversation(token, "by ticket");
        var issued = api.post("/api/v1/auth/ticket", token, "");
        assertThat(issued.statusCode()).as(issued.body()).isEqualTo(201);
        String ticket = json(issued).path("ticket").asText();

        List<String> frames = sse(api.request(CONVERSATIONS + "/" + id + "/stream?message=hello&ticket=" + ticket, null).GET());
        assertThat(frames.get(frames.size() - 1)).contains("\"type\":\"complete\"");
        try (WsClient socket = WsClient.openWithTicket(server.uri(), ticket)) {
            socket.send("{\"type\":\"create_conversation\",\"title\":\"opened by ticket\",\"request_id\":\"r1\"}");
            socket.next("ack");
        }
        assertThat(json(api.get(CONVERSATIONS, token)).path("items").findValuesAsText("title"))
                .contains("by ticket", "opened by ticket");
        assertProblem(api.get(CONVERSATIONS, ticket), 401, "invalid_token");
        assertProblem(api.get(CONVERSATIONS + "?ticket=" + token, null), 401, "invalid_ticket");
        assertProblem(api.post(CONVERSATIONS + "?ticket=" + ticket, null, "{}"), 401, "missing_token");
    }

    // ---- isolation ------------------------------------------------------------------------------

    @Test
    void anotherUser_getsNotFoundOnEveryResource_andNeverSeesItInLists() {
        String alice = TestTokens.token(newUser());
        String bob = TestTokens.token(newUser());
        String id = api.createConversation(alice, "Secret plans");
        String one = CONVERSATIONS + "/" + id;
        api.post(one + "/messages", alice, "{\"message\":\"add task hide the cake\"}");

        assertThat(api.get(one, bob).statusCode()).isEqualTo(404);
        assertThat(api.patch(one + "/title", bob, "{\"title\":\"mine\"}").statusCode()).isEqualTo(404);
        assertThat(api.patch(one, bob, "{\"status\":\"archived\"}").statusCode()).isEqualTo(404);
        assertThat(api.get(one + "/messages", bob).statusCode()).isEqualTo(404);
        assertThat(api.post(one + "/messages", bob, "{\"message\":\"hi\"}").statusCode()).isEqualTo(404);
        assertThat(api.get(one + "/stream?message=hi", bob).statusCode()).isEqualTo(404);
        assertThat(api.get(one + "/stream", bob).statusCode()).isEqualTo(404);
        assertThat(api.post(one + "/cancel", bob, "").statusCode()).isEqualTo(404);
        assertThat(api.post("/api/" + subject(bob) + "/chat", bob, "{\"message\":\"hi\",\"conversation_id\":\"" + id + "\"}")
                .statusCode()).isEqualTo(404);
        assertThat(api.delete(one, bob).statusCode()).isEqualTo(404);

        assertThat(json(api.get(CONVERSATIONS, bob)).path("total").asInt()).isZero();
        assertThat(json(api.get(CONVERSATIONS + "?q=Secret", bob)).path("items")).isEmpty();
        assertThat(json(api.get("/api/v1/tasks", bob)).path("items")).isEmpty();
        assertThat(json(api.get("/api/v1/chat/search?q=cake", bob)).path("items")).isEmpty();
        assertThat(json(api.get("/api/v1/chat/search?q=secret", bob)).path("items")).isEmpty();
        assertThat(json(api.get(one, alice)).path("title").asText()).isEqualTo("Secret plans");
        assertThat(json(api.get(one + "/messages", alice)).path("items")).hasSize(2);
    }

    @Test
    void concurrentCreates_withOneExternalId_makeOneConversation_201Once_200ForTheRest() {
        String token = TestTokens.token(newUser());
        List<CompletableFuture<HttpResponse<String>>> creates = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            creates.add(CompletableFuture.supplyAsync(() ->
                    api.post(CONVERSATIONS, token, "{\"title\":\"raced\",\"external_id\":\"support-call-9\"}")));
        }
        List<HttpResponse<String>> answers = creates.stream().map(CompletableFuture::join).toList();

        assertThat(answers).extracting(HttpResponse::statusCode).containsOnly(200, 201).containsOnlyOnce(201);
        assertThat(answers).extracting(answer -> json(answer).path("id").asText()).containsOnly(
                json(answers.get(0)).path("id").asText());
        JsonNode list = json(api.get(CONVERSATIONS, token));
        assertThat(list.path("total").asInt()).isEqualTo(1);
        assertThat(list.path("items").get(0).path("external_id").asText()).isEqualTo("support-call-9");
    }

    @Test
    void theAiSdkRoute_streamsATurnWithItsToolCall_intoTheConversationTheChatIdNames() throws Exception {
        String alice = TestTokens.token(newUser());
        String bob = TestTokens.token(newUser());
        String request = "{\"id\":\"react-chat-1\",\"trigger\":\"submit-message\",\"messages\":[{\"id\":\"u1\","
                + "\"role\":\"user\",\"parts\":[{\"type\":\"text\",\"text\":\"add task water the plants\"}]}]}";

        HttpResponse<String> response = api.send(api.request("/api/v1/ai-sdk/chat", alice)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(request)));
        api.post("/api/v1/ai-sdk/chat", bob, request);

        assertThat(response.headers().firstValue("x-vercel-ai-ui-message-stream")).hasValue("v1");
        List<String> types = new ArrayList<>();
        for (String frame : response.body().split("\n\n")) {
            if (frame.startsWith("data: {")) {
                types.add(TestHttp.JSON.readTree(frame.substring(6)).path("type").asText());
            }
        }
        assertThat(types).containsExactly("start", "start-step", "tool-input-available", "tool-output-available",
                "finish-step", "start-step", "text-start", "text-delta", "text-delta", "text-end", "finish-step", "finish");
        assertThat(response.body()).endsWith("data: [DONE]\n\n");
        JsonNode alices = json(api.get(CONVERSATIONS, alice));
        JsonNode bobs = json(api.get(CONVERSATIONS, bob));
        assertThat(alices.path("items").get(0).path("external_id").asText()).isEqualTo("react-chat-1");
        assertThat(bobs.path("items").get(0).path("id").asText()).isNotEqualTo(alices.path("items").get(0).path("id").asText());
        JsonNode messages = json(api.get(CONVERSATIONS + "/" + alices.path("items").get(0).path("id").asText()
                + "/messages", alice));
        assertThat(messages.path("items").get(1).path("content").asText()).isEqualTo("Done: add_task.");
    }

    @Test
    void oneShotChat_onAnotherUsersPath_is403() {
        String token = TestTokens.token(newUser());

        assertThat(api.post("/api/somebody-else/chat", token, "{\"message\":\"hi\"}").statusCode()).isEqualTo(403);
    }

    // ---- search -------------------------------------------------------------------------------

    @Test
    void search_findsTheCallersMessagesAndTitles_bestFirst_neverDeletedOnes_andAnyQueryIsSafe() {
        String token = TestTokens.token(newUser());
        String holiday = api.createConversation(token, "Holiday in Lisbon");
        api.post(CONVERSATIONS + "/" + holiday + "/messages", token, "{\"message\":\"where is the tram museum?\"}");
        String notes = api.createConversation(token, "Notes");
        api.post(CONVERSATIONS + "/" + notes + "/messages", token, "{\"message\":\"Lisbon lisbon LISBON lisbon\"}");

        JsonNode lisbon = json(api.get("/api/v1/chat/search?q=lisbon", token)).path("items");
        assertThat(lisbon).hasSize(3); // the notes' question and its echo, then the holiday's title
        assertThat(lisbon.get(0).path("conversation_id").asText()).isEqualTo(notes);
        JsonNode title = lisbon.get(2);
        assertThat(title.path("conversation_id").asText()).isEqualTo(holiday);
        assertThat(title.get("message_id").isNull()).isTrue();
        assertThat(title.path("role").asText()).isEqualTo("title");
        assertThat(title.path("snippet").asText()).contains("Lisbon");

        JsonNode museum = json(api.get("/api/v1/chat/search?q=tram%20museum", token)).path("items");
        assertThat(museum).extracting(hit -> hit.path("role").asText()).containsExactlyInAnyOrder("user", "assistant");
        assertThat(json(api.get("/api/v1/chat/search?q=lisbon&limit=1", token)).path("items")).hasSize(1);

        assertThat(api.delete(CONVERSATIONS + "/" + notes, token).statusCode()).isEqualTo(204);
        assertThat(json(api.get("/api/v1/chat/search?q=lisbon", token)).path("items")).hasSize(1);

        for (String query : List.of("%22tram%20museum%22%20-lisbon", "%27%29%3A*%26%7C%21", "%25", "or%20or")) {
            var response = api.get("/api/v1/chat/search?q=" + query, token);
            assertThat(response.statusCode()).as(query + ": " + response.body()).isEqualTo(200);
        }
        assertProblem(api.get("/api/v1/chat/search", token), 400, "bad_parameter");
        assertValidationError(api.get("/api/v1/chat/search?q=" + "x".repeat(201), token), "q");
        assertValidationError(api.get("/api/v1/chat/search?q=x&limit=51", token), "limit");
    }

    // ---- client errors ------------------------------------------------------------------------

    @Test
    void clientErrors_areAnsweredWith400_413_415_422() {
        String token = TestTokens.token(newUser());
        String id = api.createConversation(token, "x");
        String messages = CONVERSATIONS + "/" + id + "/messages";

        assertThat(api.post(messages, token, "{\"message\":").statusCode()).isEqualTo(400);
        assertThat(api.get(messages + "?limit=many", token).statusCode()).isEqualTo(400);
        assertThat(api.post(messages, token, "{\"message\":\"" + "x".repeat(70_000) + "\"}").statusCode()).isEqualTo(413);
        assertThat(api.send(api.request(messages, token).header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("{\"message\":\"hi\"}"))).statusCode()).isEqualTo(415);
        var empty = api.post(messages, token, "{\"message\":\"\"}");
        assertThat(empty.statusCode()).isEqualTo(422);
        assertThat(json(empty).path("errors").get(0).path("field").asText()).isEqualTo("message");
        assertThat(api.post(messages, token, "{\"message\":\"" + "x".repeat(10_001) + "\"}").statusCode()).isEqualTo(422);
        assertThat(api.patch(CONVERSATIONS + "/" + id, token, "{\"status\":\"gone\"}").statusCode()).isEqualTo(422);
        assertThat(api.post(CONVERSATIONS, token, "{\"title\":\"" + "t".repeat(501) + "\"}").statusCode()).isEqualTo(422);
    }

    @Test
    void userTextWithANulCharacter_is422_namingTheField_onEveryRoute() {
        String user = newUser();
        String token = TestTokens.token(user);
        String one = CONVERSATIONS + "/" + api.createConversation(token, "nul");
        String nul = "a\\u0000b";

        assertValidationError(api.post(one + "/messages", token, "{\"message\":\"" + nul + "\"}"), "message");
        assertValidationError(api.post(one + "/messages", token,
                "{\"message\":\"hi\",\"client_message_id\":\"" + nul + "\"}"), "client_message_id");
        assertValidationError(api.get(one + "/stream?message=a%00b", token), "message");
        assertValidationError(api.post("/api/" + user + "/chat", token, "{\"message\":\"" + nul + "\"}"), "message");
        assertValidationError(api.post(CONVERSATIONS, token, "{\"title\":\"" + nul + "\"}"), "title");
        assertValidationError(api.patch(one + "/title", token, "{\"title\":\"" + nul + "\"}"), "title");
        assertValidationError(api.patch(one, token, "{\"metadata\":{\"k\":\"" + nul + "\"}}"), "metadata");
        assertValidationError(api.get(CONVERSATIONS + "?q=a%00b", token), "q");
        assertValidationError(api.get("/api/v1/chat/search?q=a%00b", token), "q");
        assertThat(json(api.get(one + "/messages", token)).path("items")).isEmpty();
        assertThat(json(api.get(CONVERSATIONS, token)).path("total").asInt()).isEqualTo(1);
    }

    @Test
    void aModelThatStreamsNulCharacters_stillGetsItsReplyStored_withoutThem() {
        String token = TestTokens.token(newUser());
        String one = CONVERSATIONS + "/" + api.createConversation(token, "model nul");
        model.then(Reply.text("Hel\0lo", "\0"));
        model.then(Reply.text("\0\0"));

        var first = api.post(one + "/messages", token, "{\"message\":\"hi\"}");
        var onlyNul = api.post(one + "/messages", token, "{\"message\":\"again\"}");

        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        assertThat(json(first).path("assistant_message").path("content").asText()).isEqualTo("Hello");
        assertThat(onlyNul.statusCode()).as(onlyNul.body()).isEqualTo(200);
        assertThat(json(onlyNul).path("assistant_message").path("content").asText()).isEmpty();
        assertThat(json(api.get(one + "/messages", token)).path("items")).hasSize(4);
    }

    @Test
    void aJsonBodyWithContentAfterTheObject_is400() {
        String token = TestTokens.token(newUser());

        assertProblem(api.post(CONVERSATIONS, token, "{\"title\":\"a\"} trailing"), 400, "malformed_json");
        assertProblem(api.post(CONVERSATIONS, token, "{\"title\":\"a\"}{}"), 400, "malformed_json");
        assertThat(json(api.get(CONVERSATIONS, token)).path("total").asInt()).isZero();
    }

    @Test
    void anEmptyMessageOnTheStreamRoute_is422_likeThePost() {
        String token = TestTokens.token(newUser());
        String one = CONVERSATIONS + "/" + api.createConversation(token, "empty");

        assertValidationError(api.get(one + "/stream?message=", token), "message");
        assertValidationError(api.get(one + "/stream?message=%20", token), "message");
        assertThat(json(api.get(one + "/messages", token)).path("items")).isEmpty();
    }

    @Test
    void anOverlongUri_is414ProblemJson() {
        var response = api.get(CONVERSATIONS + "?q=" + "x".repeat(20_000), TestTokens.token(newUser()));

        assertProblem(response, 414, "uri_too_long");
        assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    }

    @Test
    @SuppressWarnings("deprecation") // java.net.URI refuses "%zz": only the old URL sends it as written
    void aMalformedPathSegment_is400ProblemJson() throws IOException {
        var connection = (java.net.HttpURLConnection) new java.net.URL(server.uri() + CONVERSATIONS + "/%zz").openConnection();
        assertThat(connection.getResponseCode()).isEqualTo(400);
        try (var body = connection.getErrorStream()) {
            assertThat(connection.getContentType()).startsWith("application/problem+json");
            JsonNode problem = TestHttp.JSON.readTree(body);
            assertThat(problem.path("code").asText()).isEqualTo("bad_request");
            assertThat(problem.path("correlation_id").asText()).isNotBlank()
                    .isEqualTo(connection.getHeaderField("X-Correlation-ID"));
            assertThat(connection.getHeaderField("X-Content-Type-Options")).isEqualTo("nosniff");
        }
    }

    @Test
    void aTokenWhoseSubjectHasControlCharacters_is401() {
        var response = api.get(CONVERSATIONS, TestTokens.token("mallory\r\n2026-01-01 INFO forged"));

        assertProblem(response, 401, "invalid_token");
    }

    // ---- security headers ---------------------------------------------------------------------

    @Test
    void everyResponse_forbidsSniffing_andThePageForbidsFraming() {
        var page = api.get("/", null);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(page.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValue("frame-ancestors 'none'");

        for (var response : List.of(api.get("/health/live", null), api.get(CONVERSATIONS, null),
                api.get("/no/such/route", null), api.post("/mcp", null, "{}"), api.get("/js/app.js", null))) {
            assertThat(response.headers().firstValue("X-Content-Type-Options"))
                    .as(response.uri() + " " + response.statusCode()).hasValue("nosniff");
        }
    }

    @Test
    void tooManyTurns_are429_withRetryAfter() {
        String token = TestTokens.token(newUser());
        String messages = CONVERSATIONS + "/" + api.createConversation(token, "busy") + "/messages";

        HttpResponse<String> last = null;
        for (int i = 0; i < 21; i++) {
            last = api.post(messages, token, "{\"message\":\"turn " + i + "\"}");
        }

        assertThat(last.statusCode()).isEqualTo(429);
        assertThat(last.headers().firstValue("Retry-After")).hasValueSatisfying(seconds -> assertThat(Long.parseLong(seconds)).isPositive());
        assertThat(json(api.get(messages + "?limit=200", token)).path("items")).hasSize(40);
    }

    // ---- streaming ----------------------------------------------------------------------------

    @Test
    void sseFrames_haveIdsAndDataAndEndWithABlankLine() throws Exception {
        String token = TestTokens.token(newUser());
        String id = api.createConversation(token, "s");

        var response = api.client.send(api.request(CONVERSATIONS + "/" + id + "/messages", token)
                .header("Accept", "text/event-stream").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"message\":\"one two three\"}")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/event-stream"));
        assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-cache");
        assertThat(response.headers().firstValue("X-Accel-Buffering")).hasValue("no");
        String[] frames = response.body().split("\n\n", -1);
        assertThat(frames[frames.length - 1]).isEmpty();
        long seq = 0;
        for (int i = 0; i < frames.length - 1; i++) {
            if (frames[i].startsWith(":")) {
                continue;
            }
            String[] lines = frames[i].split("\n");
            assertThat(lines).hasSize(2);
            assertThat(lines[0]).matches("id: [0-9a-f-]{36}:" + (++seq));
            JsonNode event = TestHttp.JSON.readTree(lines[1].substring("data: ".length()));
            assertThat(event.path("seq").asLong()).isEqualTo(seq);
            assertThat(event.path("conversation_id").asText()).isEqualTo(id);
        }
        assertThat(frames[frames.length - 2]).contains("\"type\":\"complete\"");
    }

    @Test
    void aClientThatDisconnectsMidTurn_findsTheCompleteReplyStoredAfterwards() throws Exception {
        CompletableFuture<Void> release = new CompletableFuture<>();
        model.then(Reply.text("Working").thenHoldUntil(release, " and done."));
        String token = TestTokens.token(newUser());
        String one = CONVERSATIONS + "/" + api.createConversation(token, "d");

        var response = api.client.send(api.request(one + "/stream?message=wait%20for%20it", token).GET().build(),
                HttpResponse.BodyHandlers.ofInputStream());
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null && !line.contains("\"content\":\"Working\"")) {
                // read until the first words arrived, then hang up
            }
        }
        release.complete(null);

        JsonNode reply = Await.value("the reply to be stored", Duration.ofSeconds(10), () -> {
            JsonNode items = json(api.get(one + "/messages", token)).path("items");
            return items.size() == 2 && items.get(1).path("status").asText().equals("complete") ? items.get(1) : null;
        });
        assertThat(reply.path("content").asText()).isEqualTo("Working and done.");
    }

    @Test
    void lastEventId_resumesWithExactlyTheMissingEvents() throws Exception {
        String token = TestTokens.token(newUser());
        String one = CONVERSATIONS + "/" + api.createConversation(token, "r");
        List<String> all = sse(api.request(one + "/stream?message=a%20b%20c%20d", token).GET());
        String resumeAfter = all.get(2).lines().findFirst().orElseThrow().substring("id: ".length());

        List<String> rest = sse(api.request(one + "/stream", token).header("Last-Event-ID", resumeAfter).GET());

        assertThat(rest).isEqualTo(all.subList(3, all.size()));
    }

    @Test
    void cancel_endsTheStreamWithCancelled_andStoresAnInterruptedMessage() throws Exception {
        model.then(Reply.text("Working").thenHangUntilCancelled(new CountDownLatch(1)));
        String token = TestTokens.token(newUser());
        String one = CONVERSATIONS + "/" + api.createConversation(token, "c");
        var response = api.client.send(api.request(one + "/stream?message=wait%20please", token).GET().build(),
                HttpResponse.BodyHandlers.ofInputStream());
        List<String> data = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.startsWith("data: ")) {
                    data.add(line);
                    if (line.contains("\"type\":\"chunk\"")) {
                        assertThat(api.post(one + "/cancel", token, "").statusCode()).isEqualTo(202);
                    }
                }
            }
        }

        JsonNode last = TestHttp.JSON.readTree(data.get(data.size() - 1).substring("data: ".length()));
        assertThat(last.path("type").asText()).isEqualTo("cancelled");
        assertThat(last.path("message").path("status").asText()).isEqualTo("interrupted");
        JsonNode stored = json(api.get(one + "/messages", token)).path("items").get(1);
        assertThat(stored.path("status").asText()).isEqualTo("interrupted");
        assertThat(stored.path("content").asText()).isEqualTo("Working");
        assertThat(api.post(one + "/cancel", token, "").statusCode()).isEqualTo(409);
    }

    // ---- durability -----------------------------------------------------------------------------

    @Test
    void aRestart_losesNothing() throws IOException {
        String token = TestTokens.token(newUser());
        String one = CONVERSATIONS + "/" + api.createConversation(token, "Keep me");
        api.post(one + "/messages", token, "{\"message\":\"add task survive restarts\"}");
        String before = api.get(one + "/messages", token).body();

        server.stop();
        server = ConfabServer.start(config(), model);
        api = new TestHttp(server.uri());

        assertThat(json(api.get(one, token)).path("title").asText()).isEqualTo("Keep me");
        assertThat(json(api.get(one + "/messages", token))).isEqualTo(TestHttp.JSON.readTree(before));
        assertThat(json(api.get("/api/v1/tasks", token)).path("items").get(0).path("title").asText()).isEqualTo("survive restarts");
    }

    // ---- export, import, erase (SPEC §16) -------------------------------------------------------

    @Test
    void exportThenImport_makesTheSameConversationWithNewIds_countersIncluded() throws IOException {
        String token = TestTokens.token(newUser());
        String id = api.createConversation(token, "Errands");
        String one = CONVERSATIONS + "/" + id;
        api.post(one + "/messages", token, "{\"message\":\"add task buy milk\"}");
        JsonNode reply = json(api.post(one + "/messages", token, "{\"message\":\"hi there\"}")).path("assistant_message");
        assertThat(api.send(api.request(one + "/messages/" + reply.path("id").asText() + "/feedback", token)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"rating\":\"up\",\"comment\":\"nice\"}"))).statusCode()).isEqualTo(204);

        var export = api.get(one + "/export?format=json", token);
        assertThat(export.statusCode()).isEqualTo(200);
        assertThat(export.headers().firstValue("Content-Disposition"))
                .hasValue("attachment; filename=\"conversation-" + id + ".json\"");
        JsonNode exported = json(export);
        assertThat(exported.path("format").asText()).isEqualTo("confab.conversation.v1");
        assertThat(exported.path("messages")).hasSize(4);

        var imported = api.post(CONVERSATIONS + "/import", token, export.body());
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(201);
        String copy = json(imported).path("id").asText();
        assertThat(copy).isNotEqualTo(id);
        assertThat(imported.headers().firstValue("Location")).hasValue(CONVERSATIONS + "/" + copy);
        JsonNode again = json(api.get(CONVERSATIONS + "/" + copy + "/export", token));
        assertThat(withoutIds(again)).isEqualTo(withoutIds(exported));
        assertThat(again.path("conversation").path("total_messages").asInt()).isEqualTo(4);
        assertThat(again.path("messages").get(1).path("tool_calls").get(0).path("tool").asText()).isEqualTo("add_task");
        assertThat(again.path("messages").get(3).path("feedback").path("comment").asText()).isEqualTo("nice");
        assertThat(json(api.get(CONVERSATIONS + "/" + copy + "/messages", token)).path("items")).hasSize(4);
        assertThat(json(api.get(CONVERSATIONS, token)).path("total").asInt()).isEqualTo(2);
    }

    @Test
    void export_asMarkdown_isATranscript_andAnUnknownFormatIs400() {
        String token = TestTokens.token(newUser());
        String one = CONVERSATIONS + "/" + api.createConversation(token, "Errands");
        api.post(one + "/messages", token, "{\"message\":\"add task buy milk\"}");

        var markdown = api.get(one + "/export?format=markdown", token);

        assertThat(markdown.statusCode()).isEqualTo(200);
        assertThat(markdown.headers().firstValue("Content-Type")).hasValue("text/markdown; charset=utf-8");
        assertThat(markdown.headers().firstValue("Content-Disposition")).hasValueSatisfying(
                value -> assertThat(value).startsWith("attachment; filename=").endsWith(".md\""));
        assertThat(markdown.body()).startsWith("# Errands\n")
                .containsPattern("\n## User · \\S+Z\n\nadd task buy milk\n")
                .containsPattern("\n## Assistant · \\S+Z[^\n]*\n\nDone: add_task.\n")
                .containsPattern("\n- `add_task` ok in \\d+ ms: `\\{[^`]*buy milk[^`]*\\}` → `");
        assertProblem(api.get(one + "/export?format=pdf", token), 400, "bad_parameter");
    }

    @Test
    void import_thatBreaksARule_is422_andStoresNothing_malformedIs400_oversizedIs413() {
        String token = TestTokens.token(newUser());
        String longContent = "x".repeat(10_001);
        String tooLong = """
                {"format":"confab.conversation.v1",
                 "conversation":{"title":"t","created_at":"2026-03-01T10:00:00Z","updated_at":"2026-03-01T10:00:00Z"},
                 "messages":[{"role":"user","content":"ok","created_at":"2026-03-01T10:00:00Z"},
                             {"role":"user","content":"%s","created_at":"2026-03-01T10:00:01Z"}]}""".formatted(longContent);

        assertValidationError(api.post(CONVERSATIONS + "/import", token, tooLong), "messages[1].content");
        assertValidationError(api.post(CONVERSATIONS + "/import", token, tooLong.replace("\"user\",\"content\":\"ok\"",
                "\"robot\",\"content\":\"ok\"")), "messages[0].role");
        assertProblem(api.post(CONVERSATIONS + "/import", token, "{\"format\":"), 400, "malformed_json");
        assertThat(api.post(CONVERSATIONS + "/import", token, tooLong.replace(longContent, "y".repeat(70_000))).statusCode())
                .isEqualTo(413);
        assertThat(json(api.get(CONVERSATIONS, token)).path("total").asInt()).isZero();
    }

    @Test
    void eraseMe_leavesEveryListOfTheCallerEmpty_othersUntouched_andAgainIs204() {
        String alice = TestTokens.token(newUser());
        String bob = TestTokens.token(newUser());
        String kept = CONVERSATIONS + "/" + api.createConversation(bob, "Bob's");
        api.post(kept + "/messages", bob, "{\"message\":\"add task walk the dog\"}");
        String live = CONVERSATIONS + "/" + api.createConversation(alice, "Alice's");
        api.post(live + "/messages", alice, "{\"message\":\"add task buy milk\"}");
        api.delete(CONVERSATIONS + "/" + api.createConversation(alice, "Deleted"), alice);

        assertThat(api.delete("/api/v1/me", alice).statusCode()).isEqualTo(204);

        assertThat(json(api.get(CONVERSATIONS, alice)).path("total").asInt()).isZero();
        assertThat(json(api.get("/api/v1/tasks", alice)).path("items")).isEmpty();
        assertThat(api.get(live, alice).statusCode()).isEqualTo(404);
        assertThat(api.get(live + "/messages", alice).statusCode()).isEqualTo(404);
        assertThat(json(api.get(kept + "/messages", bob)).path("items")).hasSize(2);
        assertThat(json(api.get("/api/v1/tasks", bob)).path("items")).hasSize(1);
        assertThat(api.delete("/api/v1/me", alice).statusCode()).isEqualTo(204);
        api.post(CONVERSATIONS + "/" + api.createConversation(alice, "Again") + "/messages", alice,
                "{\"message\":\"add task start over\"}");
        assertThat(json(api.get("/api/v1/tasks", alice)).path("items").get(0).path("id").asInt()).isEqualTo(1);
    }

    @Test
    void exportImportAndErase_neverReachAnotherUsersData() {
        String alice = TestTokens.token(newUser());
        String bob = TestTokens.token(newUser());
        String id = api.createConversation(alice, "Secret plans");
        String one = CONVERSATIONS + "/" + id;
        api.post(one + "/messages", alice, "{\"message\":\"add task hide the cake\"}");
        String export = api.get(one + "/export", alice).body();

        assertProblem(api.get(one + "/export", bob), 404, "not_found");
        assertProblem(api.get(one + "/export?format=markdown", bob), 404, "not_found");
        var imported = api.post(CONVERSATIONS + "/import", bob, export);
        assertThat(imported.statusCode()).isEqualTo(201);
        String copy = json(imported).path("id").asText();
        assertThat(api.get(CONVERSATIONS + "/" + copy, alice).statusCode()).isEqualTo(404);
        assertThat(api.delete("/api/v1/me", bob).statusCode()).isEqualTo(204);

        assertThat(api.get(CONVERSATIONS + "/" + copy, bob).statusCode()).isEqualTo(404);
        assertThat(json(api.get(one + "/messages", alice)).path("items")).hasSize(2);
        assertThat(json(api.get(CONVERSATIONS, alice)).path("total").asInt()).isEqualTo(1);
        assertThat(json(api.get("/api/v1/tasks", alice)).path("items")).hasSize(1);
    }

    /** An export without the ids the import replaces (the conversation's, each message's and its conversation_id). */
    static JsonNode withoutIds(JsonNode export) {
        JsonNode copy = export.deepCopy();
        ((ObjectNode) copy.path("conversation")).remove("id");
        copy.path("messages").forEach(message ->
                ((ObjectNode) message).remove(List.of("id", "conversation_id")));
        return copy;
    }

    // ---- helpers ------------------------------------------------------------------------------

    static void assertProblem(HttpResponse<String> response, int status, String code) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = json(response);
        assertThat(problem.path("code").asText()).isEqualTo(code);
        assertThat(problem.path("correlation_id").asText())
                .isEqualTo(response.headers().firstValue("X-Correlation-ID").orElseThrow());
    }

    static void assertValidationError(HttpResponse<String> response, String field) {
        assertProblem(response, 422, "validation_failed");
        assertThat(json(response).path("errors").get(0).path("field").asText()).isEqualTo(field);
    }

    /** The frames of an SSE response (without comments), each as "id: …\ndata: …". */
    List<String> sse(HttpRequest.Builder request) throws IOException, InterruptedException {
        String body = api.client.send(request.build(), HttpResponse.BodyHandlers.ofString()).body();
        List<String> frames = new ArrayList<>();
        for (String frame : body.split("\n\n")) {
            if (frame.startsWith("id: ")) {
                frames.add(frame);
            }
        }
        return frames;
    }

    private static String subject(String token) {
        String payload = new String(java.util.Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
        try {
            return TestHttp.JSON.readTree(payload).path("sub").asText();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
