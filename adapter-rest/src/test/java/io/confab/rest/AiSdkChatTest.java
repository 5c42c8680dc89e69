package io.confab.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.confab.domain.Conversation;
import io.confab.domain.ExternalId;
import io.confab.domain.ListedConversation;
import io.confab.domain.Message;
import io.confab.domain.MessageStatus;
import io.confab.domain.UserId;
import io.confab.domain.json.JsonValue;
import io.confab.domain.model.ChatModelException;
import io.confab.domain.port.ConversationQuery;
import io.confab.testkit.Await;
import io.confab.testkit.ScriptedChatModel;
import io.confab.testkit.ScriptedChatModel.Reply;
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
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code POST /api/v1/ai-sdk/chat} over the real core: the UI message stream's exact frames, and its refusals. */
class AiSdkChatTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PATH = "/api/v1/ai-sdk/chat";

    private final ScriptedChatModel model = new ScriptedChatModel();
    private final CoreServer core = new CoreServer(model);
    private final RestServer server = core.server;

    @AfterEach
    void stop() {
        core.close();
    }

    @Test
    void aTurnWithAToolCall_streamsStartStepsToolPartsTextAndFinish_thenDone() {
        model.then(Reply.toolCall("call-1", "add_task", JsonValue.object("title", JsonValue.of("buy milk"))))
                .then(Reply.text("Added ", "buy milk."));

        HttpResponse<String> response = chat("alice", request("chat-1", "m1", "add a task to buy milk", null));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("x-vercel-ai-ui-message-stream")).hasValue("v1");
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/event-stream"));
        List<String> frames = dataFrames(response);
        assertThat(frames).last().isEqualTo("[DONE]");
        List<JsonNode> chunks = chunks(frames);
        assertThat(chunks).extracting(chunk -> chunk.path("type").asText()).containsExactly(
                "start", "start-step", "tool-input-available", "tool-output-available", "finish-step",
                "start-step", "text-start", "text-delta", "text-delta", "text-end", "finish-step", "finish");

        Conversation conversation = conversation("alice", "chat-1");
        Message reply = core.harness.stored(new UserId("alice"), conversation.id()).getLast();
        assertThat(chunks.get(0).path("messageId").asText()).isEqualTo(reply.id().toString());
        assertThat(chunks.get(0).path("messageMetadata").path("conversation_id").asText())
                .isEqualTo(conversation.id().toString());
        JsonNode input = chunks.get(2);
        assertThat(input.path("toolCallId").asText()).isEqualTo("call-1");
        assertThat(input.path("toolName").asText()).isEqualTo("add_task");
        assertThat(input.path("input").path("title").asText()).isEqualTo("buy milk");
        JsonNode output = chunks.get(3);
        assertThat(output.path("toolCallId").asText()).isEqualTo("call-1");
        assertThat(output.path("output").toString()).contains("buy milk");
        String textId = chunks.get(6).path("id").asText();
        assertThat(chunks.subList(6, 10)).allSatisfy(chunk -> assertThat(chunk.path("id").asText()).isEqualTo(textId));
        assertThat(chunks.get(7).path("delta").asText() + chunks.get(8).path("delta").asText()).isEqualTo("Added buy milk.");
        assertThat(chunks.get(11).path("finishReason").asText()).isEqualTo("stop");
        assertThat(reply.content()).isEqualTo("Added buy milk.");
        assertThat(reply.toolCalls()).hasSize(1);
    }

    @Test
    void theChatId_namesOneConversationPerUser_createdOnFirstUse_andContinuedAfter() {
        model.otherwise(request -> Reply.text("ok"));

        chat("alice", request("shared-id", "a1", "first", null));
        chat("alice", request("shared-id", "a2", "second", null));
        chat("bob", request("shared-id", "b1", "bob's", null));

        Conversation alices = conversation("alice", "shared-id");
        Conversation bobs = conversation("bob", "shared-id");
        assertThat(alices.id()).isNotEqualTo(bobs.id());
        assertThat(core.harness.stored(new UserId("alice"), alices.id())).extracting(Message::content)
                .containsExactly("first", "ok", "second", "ok");
        assertThat(core.harness.stored(new UserId("bob"), bobs.id())).extracting(Message::content)
                .containsExactly("bob's", "ok");
        assertThat(core.harness.confab.listConversations().list(new UserId("alice"), ConversationQuery.firstPage())
                .total()).isEqualTo(1);
    }

    @Test
    void theSameUserMessageSentAgain_replaysItsTurn_andStoresNothingNew() {
        model.then(Reply.text("once"));

        List<String> first = dataFrames(chat("alice", request("chat-2", "m1", "hello", null)));
        List<String> again = dataFrames(chat("alice", request("chat-2", "m1", "hello", null)));

        assertThat(again).isEqualTo(first);
        assertThat(core.harness.stored(new UserId("alice"), conversation("alice", "chat-2").id())).hasSize(2);
    }

    @Test
    void regenerate_writesTheReplyToTheLatestUserMessageAgain_keepingTheEarlierReply() {
        model.then(Reply.text("first answer")).then(Reply.text("second answer"));
        chat("alice", request("chat-3", "m1", "tell me", null));

        List<JsonNode> chunks = chunks(dataFrames(chat("alice", request("chat-3", "m1", "tell me", "regenerate-message"))));

        assertThat(chunks).filteredOn(chunk -> chunk.path("type").asText().equals("text-delta"))
                .extracting(chunk -> chunk.path("delta").asText()).containsExactly("second answer");
        assertThat(core.harness.stored(new UserId("alice"), conversation("alice", "chat-3").id()))
                .extracting(Message::content).containsExactly("tell me", "first answer", "second answer");
    }

    @Test
    void aModelFailure_isAnErrorChunkWithTheUsersText_thenDone() {
        model.then(Reply.text("Hal").thenFail(ChatModelException.Kind.UNAVAILABLE, "The model is unavailable."));

        List<String> frames = dataFrames(chat("alice", request("chat-4", "m1", "hi", null)));

        assertThat(chunks(frames)).extracting(chunk -> chunk.path("type").asText()).containsExactly(
                "start", "start-step", "text-start", "text-delta", "text-end", "finish-step", "error");
        assertThat(chunks(frames).getLast().path("errorText").asText()).isEqualTo("The model is unavailable.");
        assertThat(frames).last().isEqualTo("[DONE]");
    }

    @Test
    void closingTheStream_leavesTheTurnRunning_toItsStoredReply() throws Exception {
        CompletableFuture<Void> release = new CompletableFuture<>();
        model.then(Reply.text("Hel").thenHoldUntil(release, "lo"));
        HttpResponse<InputStream> response = server.client.send(server.request(PATH, "alice")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(request("chat-7", "m1", "hi", null))).build(),
                HttpResponse.BodyHandlers.ofInputStream());

        try (BufferedReader frames = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            String line;
            do {
                line = frames.readLine();
            } while (line != null && !line.contains("\"text-delta\""));
            assertThat(line).contains("Hel");
        }
        release.complete(null);

        UserId alice = new UserId("alice");
        Await.until("the reply is stored", () -> core.harness.stored(alice, conversation("alice", "chat-7").id()).size() == 2);
        Message reply = core.harness.stored(alice, conversation("alice", "chat-7").id()).getLast();
        assertThat(reply.content()).isEqualTo("Hello");
        assertThat(reply.status()).isEqualTo(MessageStatus.COMPLETE);
    }

    @Test
    void badBodies_are400ProblemJson_neverA500() {
        String[] bad = {
            "{\"messages\":[{\"id\":\"m\",\"role\":\"user\",\"parts\":[{\"type\":\"text\",\"text\":\"hi\"}]}]}",
            "{\"id\":\"c\",\"messages\":[]}",
            "{\"id\":\"c\"}",
            "{\"id\":\"c\",\"messages\":\"hi\"}",
            "{\"id\":\"c\",\"messages\":[{\"id\":\"m\",\"role\":\"assistant\",\"parts\":[{\"type\":\"text\",\"text\":\"hi\"}]}]}",
            "{\"id\":\"c\",\"messages\":[{\"id\":\"m\",\"role\":\"user\",\"parts\":[{\"type\":\"file\",\"url\":\"x\"}]}]}",
            "{\"id\":\"c\",\"messages\":[{\"id\":\"m\",\"role\":\"user\",\"parts\":{\"type\":\"text\"}}]}",
            "{\"id\":\"c\",\"trigger\":\"delete-everything\","
                    + "\"messages\":[{\"id\":\"m\",\"role\":\"user\",\"parts\":[{\"type\":\"text\",\"text\":\"hi\"}]}]}",
            "{\"id\":",
            "[]"};
        for (String body : bad) {
            HttpResponse<String> response = server.postJson(PATH, "alice", body);

            assertThat(response.statusCode()).as(body).isEqualTo(400);
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/problem+json"));
            assertThat(response.body()).as(body).doesNotContain("io.confab").doesNotContain("Exception");
        }
        assertThat(core.harness.confab.listConversations().list(new UserId("alice"), ConversationQuery.firstPage())
                .total()).isZero();
    }

    @Test
    void blankTextOrABadChatId_is422_withTheFieldNamed() {
        HttpResponse<String> blank = chat("alice", request("chat-5", "m1", "   ", null));
        HttpResponse<String> controlCharacter = chat("alice", request("bad\nid", "m1", "hi", null));

        assertThat(blank.statusCode()).isEqualTo(422);
        assertThat(json(controlCharacter.body()).path("errors").get(0).path("field").asText()).isEqualTo("external_id");
    }

    @Test
    void withoutAToken_is401() {
        HttpResponse<String> response = server.postJson(PATH, null, request("chat-6", "m1", "hi", null));

        assertThat(response.statusCode()).isEqualTo(401);
    }

    private HttpResponse<String> chat(String user, String body) {
        return server.send(server.request(PATH, user).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** A request as DefaultChatTransport sends it: the chat id, one user message, the trigger. */
    private static String request(String chatId, String messageId, String text, String trigger) {
        var body = JSON.createObjectNode().put("id", chatId);
        body.putArray("messages").addObject().put("id", messageId).put("role", "user")
                .putArray("parts").addObject().put("type", "text").put("text", text);
        if (trigger != null) {
            body.put("trigger", trigger).put("messageId", messageId);
        }
        return body.toString();
    }

    private Conversation conversation(String user, String chatId) {
        return core.harness.confab.listConversations().list(new UserId(user), ConversationQuery.firstPage()).items()
                .stream().map(ListedConversation::conversation).filter(c -> c.externalId().equals(java.util.Optional.of(new ExternalId(chatId))))
                .findFirst().orElseThrow();
    }

    /** The payloads of the {@code data:} frames, in order. */
    private static List<String> dataFrames(HttpResponse<String> response) {
        List<String> frames = new ArrayList<>();
        for (String frame : response.body().split("\n\n")) {
            frame.lines().filter(line -> line.startsWith("data: ")).forEach(line -> frames.add(line.substring(6)));
        }
        return frames;
    }

    private static List<JsonNode> chunks(List<String> frames) {
        return frames.stream().filter(frame -> !frame.equals("[DONE]")).map(AiSdkChatTest::json).toList();
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
