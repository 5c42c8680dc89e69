package io.confab.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.confab.domain.Message;
import io.confab.domain.UserId;
import io.confab.domain.json.JsonValue;
import io.confab.domain.model.ChatModelException;
import io.confab.domain.port.ConversationQuery;
import io.confab.testkit.ScriptedChatModel;
import io.confab.testkit.ScriptedChatModel.Reply;
import io.confab.testkit.auth.TestTokens;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code POST /api/v1/ai-sdk/chat} read by the real client: the {@code ai} npm package's
 * {@code DefaultChatTransport} and {@code readUIMessageStream} (src/test/node/ai-sdk-client.mjs),
 * run by Node against the API over the real core. Skipped without {@code node}; without npm's
 * registry too, unless {@code CONFAB_AI_SDK_CLIENT_REQUIRED} is set (CI sets it).
 */
class AiSdkClientTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path SOURCE = Path.of("src/test/node");
    /** npm installs here once per lock file; {@code mvn clean} removes it. */
    private static final Path CLIENT = Path.of("target/ai-sdk-client");
    /** The output of the last command run in {@link #CLIENT} (never the test JVM's own stdout: surefire talks over it). */
    private static final Path LOG = CLIENT.resolve("command.log");
    private static final List<String> FILES = List.of("package.json", "package-lock.json", "ai-sdk-client.mjs");

    private final ScriptedChatModel model = new ScriptedChatModel();
    private final CoreServer core = new CoreServer(model);

    @BeforeAll
    static void installTheClient() throws Exception {
        Files.createDirectories(CLIENT);
        Assumptions.assumeTrue(succeeds(CLIENT, 30, "node", "--version"), "node is not installed");
        boolean lockUnchanged = Files.exists(CLIENT.resolve("node_modules/ai/package.json"))
                && Files.mismatch(SOURCE.resolve("package-lock.json"), CLIENT.resolve("package-lock.json")) == -1;
        for (String file : FILES) {
            Files.copy(SOURCE.resolve(file), CLIENT.resolve(file), StandardCopyOption.REPLACE_EXISTING);
        }
        if (!lockUnchanged && !succeeds(CLIENT, 300, "npm", "ci", "--no-audit", "--no-fund")) {
            Assumptions.assumeTrue(System.getenv("CONFAB_AI_SDK_CLIENT_REQUIRED") == null,
                    "npm ci failed (offline?): the AI SDK client test cannot run");
            throw new AssertionError("npm ci failed in " + CLIENT.toAbsolutePath() + ": " + Files.readString(LOG));
        }
    }

    @AfterEach
    void stop() {
        core.close();
    }

    @Test
    void theSdk_parsesATurnWithAToolCall_intoTextAToolPartWithInputAndOutput_andFinish() throws Exception {
        model.then(Reply.toolCall("call-1", "add_task", JsonValue.object("title", JsonValue.of("buy milk"))))
                .then(Reply.text("Added ", "buy milk."));

        JsonNode result = run("alice", request("chat-1", "m1", "add a task to buy milk", null)).get(0);

        assertThat(result.path("errors")).isEmpty();
        assertThat(result.path("chunkTypes")).extracting(JsonNode::asText).containsExactly(
                "start", "start-step", "tool-input-available", "tool-output-available", "finish-step",
                "start-step", "text-start", "text-delta", "text-delta", "text-end", "finish-step", "finish");
        JsonNode message = result.path("message");
        var conversation = core.harness.confab.listConversations()
                .list(new UserId("alice"), ConversationQuery.firstPage()).items().getFirst().conversation();
        Message stored = core.harness.stored(new UserId("alice"), conversation.id()).getLast();
        assertThat(message.path("id").asText()).isEqualTo(stored.id().toString());
        assertThat(message.path("role").asText()).isEqualTo("assistant");
        assertThat(message.path("metadata").path("conversation_id").asText()).isEqualTo(conversation.id().toString());
        assertThat(message.path("parts")).extracting(part -> part.path("type").asText())
                .containsExactly("step-start", "tool-add_task", "step-start", "text");
        JsonNode tool = message.path("parts").get(1);
        assertThat(tool.path("toolCallId").asText()).isEqualTo("call-1");
        assertThat(tool.path("state").asText()).isEqualTo("output-available");
        assertThat(tool.path("input").path("title").asText()).isEqualTo("buy milk");
        assertThat(tool.path("output").toString()).contains("buy milk");
        JsonNode text = message.path("parts").get(3);
        assertThat(text.path("text").asText()).isEqualTo("Added buy milk.");
        assertThat(text.path("state").asText()).isEqualTo("done");
    }

    @Test
    void theSdk_regeneratesAReply_andReportsAFailedTurnAsAnError() throws Exception {
        model.then(Reply.text("first")).then(Reply.text("second"))
                .then(Reply.text("Hal").thenFail(ChatModelException.Kind.UNAVAILABLE, "The model is unavailable."));

        List<JsonNode> results = run("alice", request("chat-2", "m1", "hello", null),
                request("chat-2", "m1", "hello", "regenerate-message"),
                request("chat-2", "m2", "again", null));

        assertThat(text(results.get(0))).isEqualTo("first");
        assertThat(text(results.get(1))).isEqualTo("second");
        assertThat(results.get(2).path("errors")).extracting(JsonNode::asText).containsExactly("The model is unavailable.");
        assertThat(results.get(2).path("chunkTypes")).extracting(JsonNode::asText).last().isEqualTo("error");
    }

    @Test
    void theSdk_showsARefusedRequest_asItsHttpError() throws Exception {
        JsonNode result = run("alice", request("chat-3", "m1", "   ", null)).get(0);

        assertThat(result.path("httpError").asText()).contains("validation_failed");
    }

    /** Runs the Node client with these requests, as {@code user}; answers what the SDK parsed, per request. */
    private List<JsonNode> run(String user, ObjectNode... requests) throws Exception {
        ObjectNode config = JSON.createObjectNode()
                .put("api", core.server.uri("/api/v1/ai-sdk/chat").toString())
                .put("token", TestTokens.hs256(user));
        ArrayNode list = config.putArray("requests");
        List.of(requests).forEach(list::add);
        Process node = new ProcessBuilder("node", "ai-sdk-client.mjs", config.toString())
                .directory(CLIENT.toFile())
                .redirectError(LOG.toFile())
                .start();
        try {
            byte[] out = node.getInputStream().readAllBytes();
            assertThat(node.waitFor(60, TimeUnit.SECONDS)).as("the node client finished").isTrue();
            assertThat(node.exitValue()).as("node's exit code; its stderr: %s", Files.readString(LOG)).isZero();
            JsonNode results = JSON.readTree(new String(out, StandardCharsets.UTF_8));
            return List.copyOf(results.valueStream().toList());
        } finally {
            node.destroyForcibly();
        }
    }

    private static ObjectNode request(String chatId, String messageId, String text, String trigger) {
        ObjectNode request = JSON.createObjectNode().put("chatId", chatId);
        request.putArray("messages").addObject().put("id", messageId).put("role", "user")
                .putArray("parts").addObject().put("type", "text").put("text", text);
        if (trigger != null) {
            request.put("trigger", trigger).put("messageId", messageId);
        }
        return request;
    }

    private static String text(JsonNode result) {
        return result.path("message").path("parts").valueStream()
                .filter(part -> part.path("type").asText().equals("text"))
                .map(part -> part.path("text").asText())
                .reduce("", String::concat);
    }

    /** Runs {@code command} in {@code directory}, its output to {@link #LOG}; false when it fails, hangs or is missing. */
    private static boolean succeeds(Path directory, long seconds, String... command) {
        try {
            Process process = new ProcessBuilder(command).directory(directory.toFile())
                    .redirectErrorStream(true).redirectOutput(LOG.toFile()).start();
            boolean finished = process.waitFor(seconds, TimeUnit.SECONDS);
            if (!finished) {
                process.destroyForcibly();
            }
            return finished && process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
