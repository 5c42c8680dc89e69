package io.confab.bootstrap;

import static io.confab.testkit.http.TestHttp.CONVERSATIONS;
import static io.confab.testkit.http.TestHttp.JSON;
import static io.confab.testkit.http.TestHttp.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.confab.domain.model.ChatModelException;
import io.confab.testkit.Await;
import io.confab.testkit.ScriptedChatModel.Reply;
import io.confab.testkit.auth.TestTokens;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * OpenAI ChatKit's custom-backend protocol at {@code POST /chatkit} over real HTTP against the real
 * server (SPEC §14): the exact frame sequence of each streaming request, the JSON answers, threads
 * and conversations as one store, cancel on disconnect, another user's thread, bad requests.
 * Subclasses choose the database.
 */
abstract class ChatKitContract extends RealServerTest {

    private static final AtomicInteger USERS = new AtomicInteger();
    private static final String CHATKIT = "/chatkit";

    ChatKitContract(ServerDatabase database) {
        super(database);
    }

    @Override
    int rateLimit() {
        return 100;
    }

    private static String newToken() {
        return TestTokens.token("chatkit-user-" + USERS.incrementAndGet());
    }

    // ---- streaming requests: the exact frame sequences --------------------------------------

    @Test
    void threadsCreate_streamsTheThread_theUserMessage_theReplyInDeltas_andTheNewTitle() {
        String token = newToken();

        List<JsonNode> frames = stream(token, create("hello there"));

        assertThat(types(frames)).containsExactly("thread.created", "thread.item.done", "stream_options",
                "thread.item.added", "thread.item.updated", "thread.item.updated", "thread.item.updated",
                "thread.item.updated", "thread.item.updated", "thread.item.done", "thread.updated");
        String thread = frames.get(0).path("thread").path("id").asText();
        assertThat(frames.get(0).path("thread").has("title")).as("a null title is left out").isFalse();
        assertThat(frames.get(0).path("thread").path("status").path("type").asText()).isEqualTo("active");
        JsonNode user = frames.get(1).path("item");
        assertThat(user.path("type").asText()).isEqualTo("user_message");
        assertThat(user.path("thread_id").asText()).isEqualTo(thread);
        assertThat(user.path("content").get(0).path("text").asText()).isEqualTo("hello there");
        assertThat(frames.get(2).path("stream_options").path("allow_cancel").asBoolean()).isTrue();
        JsonNode added = frames.get(3).path("item");
        assertThat(added.path("type").asText()).isEqualTo("assistant_message");
        assertThat(added.path("content")).isEmpty();
        assertThat(updates(frames)).containsExactly("assistant_message.content_part.added",
                "assistant_message.content_part.text_delta", "assistant_message.content_part.text_delta",
                "assistant_message.content_part.text_delta", "assistant_message.content_part.done");
        assertThat(frames.subList(5, 8)).extracting(f -> f.path("update").path("delta").asText())
                .containsExactly("Echo:", " hello", " there");
        assertThat(frames.get(8).path("update").path("content").path("text").asText()).isEqualTo("Echo: hello there");
        assertThat(frames.get(9).path("item").path("id").asText()).isEqualTo(added.path("id").asText());
        assertThat(frames.get(9).path("item").path("content").get(0).path("text").asText()).isEqualTo("Echo: hello there");
        assertThat(frames.get(10).path("thread").path("title").asText()).isEqualTo("hello there");

        JsonNode listed = json(api.get(CONVERSATIONS, token)).path("items");
        assertThat(listed).hasSize(1);
        assertThat(listed.get(0).path("id").asText()).isEqualTo(thread);
        assertThat(listed.get(0).path("total_messages").asInt()).isEqualTo(2);
    }

    @Test
    void threadsAddUserMessage_withAToolCall_streamsProgress_andTheItemsShowTheToolCallsAsAWorkflow() {
        String token = newToken();
        String thread = api.createConversation(token, "Errands");

        List<JsonNode> frames = stream(token, request("threads.add_user_message",
                params("thread_id", thread).set("input", input("add task buy milk"))));

        assertThat(types(frames)).containsExactly("thread.item.done", "stream_options", "progress_update",
                "thread.item.added", "thread.item.updated", "thread.item.updated", "thread.item.updated",
                "thread.item.updated", "thread.item.done");
        assertThat(frames.get(2).path("text").asText()).isNotBlank();
        assertThat(frames.get(8).path("item").path("content").get(0).path("text").asText()).isEqualTo("Done: add_task.");

        JsonNode items = chatKit(token, request("items.list", params("thread_id", thread).put("order", "asc")));
        assertThat(items.path("data")).extracting(item -> item.path("type").asText())
                .containsExactly("user_message", "workflow", "assistant_message");
        JsonNode task = items.path("data").get(1).path("workflow").path("tasks").get(0);
        assertThat(task.path("title").asText()).isEqualTo("add_task");
        assertThat(task.path("status_indicator").asText()).isEqualTo("complete");
        assertThat(items.path("has_more").asBoolean()).isFalse();
        assertThat(items.has("after")).isFalse();
    }

    @Test
    void aModelFailure_isAnErrorEventThatAllowsARetry_andRetryAfterItem_answersTheSameUserMessageAgain() {
        String token = newToken();
        model.then(Reply.text("Part").thenFail(ChatModelException.Kind.UNAVAILABLE, "provider down"));
        List<JsonNode> failed = stream(token, create("try this"));
        assertThat(types(failed)).containsExactly("thread.created", "thread.item.done", "stream_options",
                "thread.item.added", "thread.item.updated", "thread.item.updated", "error");
        JsonNode error = failed.getLast();
        assertThat(error.path("allow_retry").asBoolean()).isTrue();
        assertThat(error.path("message").asText()).isNotBlank().doesNotContain("Exception");
        String thread = failed.get(0).path("thread").path("id").asText();
        String userItem = failed.get(1).path("item").path("id").asText();

        List<JsonNode> retried = stream(token, request("threads.retry_after_item",
                params("thread_id", thread).put("item_id", userItem)));

        assertThat(types(retried)).containsExactly("stream_options", "thread.item.added", "thread.item.updated",
                "thread.item.updated", "thread.item.updated", "thread.item.updated", "thread.item.updated",
                "thread.item.done", "thread.updated");
        assertThat(retried.get(7).path("item").path("content").get(0).path("text").asText()).isEqualTo("Echo: try this");
        JsonNode items = chatKit(token, request("items.list", params("thread_id", thread)));
        assertThat(items.path("data")).extracting(item -> item.path("type").asText())
                .as("newest first, the failed reply replaced by the retried one")
                .containsExactly("assistant_message", "user_message");
    }

    @Test
    void closingTheStreamMidTurn_cancelsTheTurn_andTheReplyIsStoredInterrupted() throws Exception {
        String token = newToken();
        String thread = api.createConversation(token, "Long story");
        CountDownLatch hanging = new CountDownLatch(1);
        model.then(Reply.text("Once", " upon").thenHangUntilCancelled(hanging));

        HttpResponse<InputStream> response = api.client.send(post(token, request("threads.add_user_message",
                params("thread_id", thread).set("input", input("tell me a story")))).build(), HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream body = response.body()) {
            BufferedReader reader = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8));
            String line;
            while ((line = reader.readLine()) != null && !line.contains("text_delta")) {
                // read up to the first delta: the turn is running
            }
            assertThat(line).contains("Once");
        }

        String messages = CONVERSATIONS + "/" + thread + "/messages";
        Await.until("the reply is stored interrupted", () -> {
            JsonNode items = json(api.get(messages, token)).path("items");
            return items.size() == 2 && items.get(1).path("status").asText().equals("interrupted");
        });
        assertThat(json(api.get(messages, token)).path("items").get(1).path("content").asText()).isEqualTo("Once upon");
    }

    // ---- JSON requests --------------------------------------------------------------------------

    @Test
    void threadsGetById_answersAConversationMadeByTheRestApi_withItsNewestItemsOldestFirst() {
        String token = newToken();
        String thread = api.createConversation(token, "");
        api.post(CONVERSATIONS + "/" + thread + "/messages", token, "{\"message\":\"first\"}");

        JsonNode got = chatKit(token, request("threads.get_by_id", params("thread_id", thread)));

        assertThat(got.path("id").asText()).isEqualTo(thread);
        assertThat(got.path("title").asText()).isEqualTo("first");
        assertThat(got.path("status").path("type").asText()).isEqualTo("active");
        assertThat(got.path("items").path("data")).extracting(item -> item.path("type").asText())
                .containsExactly("user_message", "assistant_message");
        assertThat(got.path("items").path("data").get(1).path("content").get(0).path("text").asText()).isEqualTo("Echo: first");
        assertThat(got.path("items").path("has_more").asBoolean()).isFalse();
        assertThat(got.path("items").has("after")).as("null fields are left out").isFalse();
    }

    @Test
    void threadsList_pagesThroughTheCallersConversations_newestActivityFirst() {
        String token = newToken();
        String older = api.createConversation(token, "Older");
        String newer = api.createConversation(token, "Newer");

        JsonNode first = chatKit(token, request("threads.list", JSON.createObjectNode().put("limit", 1)));
        JsonNode second = chatKit(token, request("threads.list",
                JSON.createObjectNode().put("limit", 1).put("after", first.path("after").asText())));

        assertThat(first.path("data").get(0).path("id").asText()).isEqualTo(newer);
        assertThat(first.path("data").get(0).path("items").path("data")).isEmpty();
        assertThat(first.path("has_more").asBoolean()).isTrue();
        assertThat(second.path("data")).extracting(thread -> thread.path("id").asText()).containsExactly(older);
        assertThat(second.path("has_more").asBoolean()).isFalse();
        assertThat(second.has("after")).isFalse();
    }

    @Test
    void itemsList_pagesFromTheNewestMessages_backToTheFirst() {
        String token = newToken();
        String thread = api.createConversation(token, "Paged");
        api.post(CONVERSATIONS + "/" + thread + "/messages", token, "{\"message\":\"one\"}");
        api.post(CONVERSATIONS + "/" + thread + "/messages", token, "{\"message\":\"two\"}");

        JsonNode newest = chatKit(token, request("items.list", params("thread_id", thread).put("limit", 2)));
        JsonNode oldest = chatKit(token, request("items.list", params("thread_id", thread).put("limit", 2)
                .put("after", newest.path("after").asText())));

        assertThat(texts(newest)).containsExactly("Echo: two", "two");
        assertThat(newest.path("has_more").asBoolean()).isTrue();
        assertThat(texts(oldest)).containsExactly("Echo: one", "one");
        assertThat(oldest.path("has_more").asBoolean()).isFalse();
        JsonNode ascending = chatKit(token, request("items.list", params("thread_id", thread).put("order", "asc")));
        assertThat(texts(ascending)).containsExactly("one", "Echo: one", "two", "Echo: two");
    }

    @Test
    void threadsUpdate_renamesTheConversation() {
        String token = newToken();
        String thread = api.createConversation(token, "Before");

        JsonNode renamed = chatKit(token, request("threads.update", params("thread_id", thread).put("title", "Renamed")));

        assertThat(renamed.path("id").asText()).isEqualTo(thread);
        assertThat(renamed.path("title").asText()).isEqualTo("Renamed");
        assertThat(json(api.get(CONVERSATIONS + "/" + thread, token)).path("title").asText()).isEqualTo("Renamed");
    }

    @Test
    void threadsDelete_deletesTheConversationEverywhere() {
        String token = newToken();
        String thread = api.createConversation(token, "Doomed");

        assertThat(chatKit(token, request("threads.delete", params("thread_id", thread))).isEmpty()).isTrue();

        assertThat(api.get(CONVERSATIONS + "/" + thread, token).statusCode()).isEqualTo(404);
        assertThat(api.send(post(token, request("threads.get_by_id", params("thread_id", thread)))).statusCode()).isEqualTo(404);
    }

    @Test
    void itemsFeedback_isStoredOnTheMessage_asThePutFeedbackRouteStoresIt() {
        String token = newToken();
        String thread = api.createConversation(token, "Rated");
        api.post(CONVERSATIONS + "/" + thread + "/messages", token, "{\"message\":\"add task buy milk\"}");
        String messages = CONVERSATIONS + "/" + thread + "/messages";
        JsonNode items = chatKit(token, request("items.list", params("thread_id", thread).put("order", "asc")));
        String workflow = items.path("data").get(1).path("id").asText();
        String reply = items.path("data").get(2).path("id").asText();

        JsonNode rated = chatKit(token, request("items.feedback", params("thread_id", thread)
                .put("kind", "negative").set("item_ids", JSON.createArrayNode().add(workflow))));

        assertThat(rated.isEmpty()).isTrue();
        assertThat(json(api.get(messages, token)).path("items").get(1).path("feedback"))
                .isEqualTo(JSON.createObjectNode().put("rating", "down"));
        assertThat(api.send(api.request(messages + "/" + reply + "/feedback", token)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"rating\":\"up\",\"comment\":\"better\"}"))).statusCode()).isEqualTo(204);
        assertThat(json(api.get(messages, token)).path("items").get(1).path("feedback"))
                .isEqualTo(JSON.createObjectNode().put("rating", "up").put("comment", "better"));
        assertThat(json(api.get(messages, token)).path("items").get(0).path("feedback").isNull()).isTrue();
    }

    @Test
    void anotherUsersThread_isNotFound_forEveryRequest_andNothingOfItIsAnswered() {
        String alice = newToken();
        String bob = newToken();
        String thread = api.createConversation(alice, "Alice's");
        api.post(CONVERSATIONS + "/" + thread + "/messages", alice, "{\"message\":\"secret\"}");

        for (ObjectNode request : List.of(
                request("threads.get_by_id", params("thread_id", thread)),
                request("items.list", params("thread_id", thread)),
                request("threads.update", params("thread_id", thread).put("title", "mine")),
                request("threads.delete", params("thread_id", thread)),
                request("items.feedback", params("thread_id", thread).put("kind", "positive")
                        .set("item_ids", JSON.createArrayNode().add(thread))),
                request("threads.add_user_message", params("thread_id", thread).set("input", input("hi"))),
                request("threads.retry_after_item", params("thread_id", thread).put("item_id", thread)))) {
            HttpResponse<String> response = api.send(post(bob, request));
            assertThat(response.statusCode()).as(request.toString()).isEqualTo(404);
            assertThat(response.body()).doesNotContain("secret").doesNotContain("Alice");
        }
        assertThat(chatKit(bob, request("threads.list", JSON.createObjectNode())).path("data")).isEmpty();
        assertThat(json(api.get(CONVERSATIONS + "/" + thread, alice)).path("title").asText()).isEqualTo("Alice's");
    }

    @Test
    void malformedUnknownAndMistypedRequests_are400ProblemJson_andNoTokenIs401() {
        String token = newToken();
        Map<String, String> bad = Map.of(
                "{not json", "malformed_json",
                "{\"type\":\"attachments.create\",\"params\":{}}", "unknown_type",
                "{\"params\":{}}", "invalid_request",
                "{\"type\":\"threads.get_by_id\",\"params\":{}}", "invalid_request",
                "{\"type\":\"threads.get_by_id\"}", "invalid_request",
                "{\"type\":\"items.feedback\",\"params\":{\"thread_id\":\"x\",\"item_ids\":\"a\",\"kind\":\"positive\"}}", "invalid_request",
                "{\"type\":\"threads.list\",\"params\":{\"order\":\"sideways\"}}", "invalid_request",
                "[1,2]", "invalid_request");
        bad.forEach((body, code) -> {
            HttpResponse<String> response = api.send(api.request(CHATKIT, token).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)));
            assertThat(response.statusCode()).as(body).isEqualTo(400);
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).contains("problem+json"));
            assertThat(json(response).path("code").asText()).as(body).isEqualTo(code);
            assertThat(response.body()).as(body).doesNotContain("io.confab").doesNotContain("jackson");
        });
        HttpResponse<String> empty = api.send(post(token, request("threads.create", JSON.createObjectNode().set("input", input(" ")))));
        assertThat(empty.statusCode()).isEqualTo(422);
        assertThat(json(api.get(CONVERSATIONS, token)).path("items")).as("no thread for a refused message").isEmpty();
        assertThat(api.send(post(null, request("threads.list", JSON.createObjectNode()))).statusCode()).isEqualTo(401);
    }

    // ---- helpers ----------------------------------------------------------------------------------

    private static ObjectNode request(String type, ObjectNode params) {
        ObjectNode request = JSON.createObjectNode().put("type", type);
        request.set("params", params);
        return request;
    }

    private static ObjectNode params(String field, String value) {
        return JSON.createObjectNode().put(field, value);
    }

    private static ObjectNode create(String text) {
        return request("threads.create", (ObjectNode) JSON.createObjectNode().set("input", input(text)));
    }

    /** ChatKit's UserMessageInput as ChatKit.js sends it. */
    private static ObjectNode input(String text) {
        ObjectNode input = JSON.createObjectNode();
        input.putArray("content").addObject().put("type", "input_text").put("text", text);
        input.putArray("attachments");
        input.putObject("inference_options");
        return input;
    }

    private HttpRequest.Builder post(String token, JsonNode body) {
        return api.request(CHATKIT, token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
    }

    private JsonNode chatKit(String token, JsonNode body) {
        HttpResponse<String> response = api.send(api.request(CHATKIT, token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).contains("application/json"));
        return json(response);
    }

    /** The {@code data:} frames of a whole ChatKit stream, parsed. */
    private List<JsonNode> stream(String token, JsonNode body) {
        HttpResponse<String> response = api.send(api.request(CHATKIT, token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/event-stream"));
        List<JsonNode> frames = new ArrayList<>();
        for (String line : response.body().split("\n")) {
            if (line.startsWith("data: ")) {
                try {
                    frames.add(JSON.readTree(line.substring("data: ".length())));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        return frames;
    }

    /** The text of each item of a page, in its order. */
    private static List<String> texts(JsonNode page) {
        List<String> texts = new ArrayList<>();
        page.path("data").forEach(item -> texts.add(item.path("content").get(0).path("text").asText()));
        return texts;
    }

    private static List<String> types(List<JsonNode> frames) {
        return frames.stream().map(frame -> frame.path("type").asText()).toList();
    }

    private static List<String> updates(List<JsonNode> frames) {
        return frames.stream().filter(frame -> frame.has("update")).map(frame -> frame.path("update").path("type").asText()).toList();
    }
}
