package io.confab.bootstrap;

import static io.confab.bootstrap.RealTimeAcrossInstancesTest.types;
import static io.confab.testkit.http.TestHttp.CONVERSATIONS;
import static io.confab.testkit.http.TestHttp.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.JsonNode;
import io.confab.domain.Cancellation;
import io.confab.domain.UserId;
import io.confab.domain.json.JsonValue;
import io.confab.domain.tool.ToolDefinition;
import io.confab.domain.tool.ToolInvocation;
import io.confab.domain.tool.ToolResult;
import io.confab.mcp.ExternalToolServerMain;
import io.confab.mcp.McpClients;
import io.confab.mcp.McpToolCatalog;
import io.confab.persistence.TestPostgres;
import io.confab.testkit.Await;
import io.confab.testkit.auth.TestTokens;
import io.confab.testkit.http.SseClient;
import io.confab.testkit.http.TestHttp;
import io.confab.testkit.openai.FakeOpenAiServer;
import io.confab.testkit.openai.FakeReply;
import io.confab.testkit.openai.FakeToolCall;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 6 end to end: the server on PostgreSQL with an OpenAI-compatible fake model that calls a
 * tool of an external MCP server (a stdio subprocess named in the servers file), {@code /mcp}
 * under real JWTs, and {@code confab.jar mcp --user} as a subprocess, all through Confab's own MCP
 * client.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class McpEndToEndTest {

    private final FakeOpenAiServer model = FakeOpenAiServer.start();
    private final String databaseUrl = TestPostgres.freshDatabaseUrl();
    private Path dir;
    private ConfabServer server;
    private TestHttp api;

    @BeforeAll
    void start(@TempDir Path tempDir) throws IOException {
        dir = tempDir;
        model.onUserMessage("count to three", FakeReply.toolCalls(FakeToolCall.of("ext__count", "{\"to\":3}")),
                FakeReply.text("The server counted to three."));
        model.onUserMessage("crash the server", FakeReply.toolCalls(FakeToolCall.of("ext__crash", "{}")),
                FakeReply.text("That tool failed."));
        Map<String, String> values = new HashMap<>();
        values.put("CONFAB_PORT", "0");
        values.put("CONFAB_DATA_DIR", dir.toString());
        values.put("CONFAB_DB_URL", databaseUrl);
        values.putAll(TestTokens.serverSettings());
        values.putAll(model.confabSettings());
        values.put("CONFAB_SHUTDOWN_GRACE_SECONDS", "1");
        values.put("CONFAB_MCP_SERVERS", serversFile("external.json", Map.of("ext", ForkedMain.stdioServer(
                List.of("-cp", ForkedMain.CLASSPATH, ExternalToolServerMain.class.getName()), Map.of()))).toString());
        server = ConfabServer.start(ConfabConfig.of(values));
        api = new TestHttp(server.uri());
    }

    @AfterAll
    void stop() {
        server.stop();
        model.close();
        TestPostgres.drop(databaseUrl);
    }

    @Test
    void aTurnWhoseModelCallsAnExternalMcpTool_streamsItsProgress_andTheReplyCarriesItsResult() throws Exception {
        String token = newToken();
        Await.until("the external server is up", Duration.ofSeconds(60), () -> externalServerStatus().equals("up"));

        List<JsonNode> events = turn(token, "count to three");

        assertThat(types(events)).containsSubsequence("tool_starting", "tool_progress", "tool_progress",
                "tool_progress", "tool_complete", "complete");
        JsonNode complete = events.getLast();
        assertThat(events.stream().filter(e -> e.path("type").asText().equals("tool_complete")).findFirst().orElseThrow()
                .path("result").path("counted").asInt()).isEqualTo(3);
        assertThat(complete.path("message").path("content").asText()).isEqualTo("The server counted to three.");
        assertThat(complete.path("message").path("tool_calls").get(0).path("result").path("counted").asInt()).isEqualTo(3);
        assertThat(model.requests()).anySatisfy(request -> assertThat(request.body().toString()).contains("counted"));
    }

    @Test
    void theExternalServerKilledMidCall_isAToolError_theTurnCompletes_andTheNextTurnWorksAfterReconnection()
            throws Exception {
        String token = newToken();
        Await.until("the external server is up", Duration.ofSeconds(60), () -> externalServerStatus().equals("up"));

        List<JsonNode> crashed = turn(token, "crash the server");

        assertThat(types(crashed)).contains("tool_starting", "tool_error").last().isEqualTo("complete");
        Await.until("the external server is reconnected", Duration.ofSeconds(60), () -> externalServerStatus().equals("up"));
        assertThat(api.get("/health/ready", null).statusCode()).isEqualTo(200);
        assertThat(types(turn(token, "count to three"))).contains("tool_complete").last().isEqualTo("complete");
    }

    @Test
    void anMcpSession_seesOnlyItsTokensUsersTasks() throws Exception {
        String alice = "alice-" + UUID.randomUUID();
        String bob = "bob-" + UUID.randomUUID();
        try (McpToolCatalog asAlice = httpClient("as-alice", TestTokens.token(alice));
             McpToolCatalog asBob = httpClient("as-bob", TestTokens.token(bob))) {
            assertThat(call(asAlice, "confab__add_task", JsonValue.object("title", JsonValue.of("alice's secret"))))
                    .isInstanceOf(ToolResult.Success.class);

            ToolResult bobsList = call(asBob, "confab__list_tasks", JsonValue.object("status", JsonValue.of("all")));
            ToolResult alicesList = call(asAlice, "confab__list_tasks", JsonValue.object("status", JsonValue.of("all")));

            assertThat(bobsList.toString()).doesNotContain("alice's secret");
            assertThat(alicesList.toString()).contains("alice's secret");
            assertThat(json(api.get("/api/v1/tasks", TestTokens.token(alice))).path("items").get(0).path("title").asText())
                    .isEqualTo("alice's secret");
        }
    }

    @Test
    void mcpAndWebSocket_withoutAToken_areUnauthorized() {
        HttpResponse<String> mcp = api.post("/mcp", null, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\"}");
        assertThat(mcp.statusCode()).isEqualTo(401);
        assertThat(mcp.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
        assertThat(webSocketRefusal("/ws/chat")).isEqualTo(401);
        assertThat(webSocketRefusal("/ws/someone-else/chat?token=" + newToken())).isEqualTo(403);
        assertThat(api.get("/openapi.json", null).body()).contains("\"/mcp\"", "\"/ws/chat\"", "\"/ws/{user_id}/chat\"");
    }

    @Test
    void theMcpCommand_servesOneUsersTaskTools_overStdio_onTheSameStore() throws Exception {
        String user = "stdio-" + UUID.randomUUID();
        Path file = serversFile("stdio.json", Map.of("confab", ForkedMain.stdioServer(
                ForkedMain.javaArguments("mcp", "--user", user),
                Map.of("CONFAB_DB_URL", databaseUrl, "CONFAB_DATA_DIR", dir.resolve("stdio").toString()))));
        try (McpToolCatalog stdio = McpClients.load(file)) {
            Await.until("the stdio server is up", Duration.ofSeconds(60), () -> stdio.health().getFirst().healthy());

            assertThat(stdio.tools(new UserId(user))).extracting(ToolDefinition::name).containsExactlyInAnyOrder(
                    "confab__add_task", "confab__list_tasks", "confab__update_task", "confab__complete_task",
                    "confab__delete_task");
            assertThat(call(stdio, "confab__add_task", JsonValue.object("title", JsonValue.of("from stdio"))))
                    .isInstanceOf(ToolResult.Success.class);
            assertThat(call(stdio, "confab__list_tasks", JsonValue.object()).toString()).contains("from stdio");
        }
        assertThat(json(api.get("/api/v1/tasks", TestTokens.token(user))).path("items").get(0).path("title").asText())
                .isEqualTo("from stdio");
    }

    @Test
    void theMcpCommand_withoutAUser_saysSoOnOneLine_andExits2() throws Exception {
        ForkedMain.Result result = ForkedMain.run(Map.of(), "mcp");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.stderr().strip()).contains("--user <id> is required").doesNotContain("\n");
        assertThat(result.stdout()).isEmpty();
    }

    /** The HTTP status of a refused WebSocket upgrade. */
    private int webSocketRefusal(String pathAndQuery) {
        URI uri = URI.create("ws://" + server.uri().getHost() + ":" + server.port() + pathAndQuery);
        CompletableFuture<WebSocket> opening = api.client.newWebSocketBuilder().buildAsync(uri, new WebSocket.Listener() { });
        Throwable failure = catchThrowable(opening::join);
        assertThat(failure).hasCauseInstanceOf(WebSocketHandshakeException.class);
        return ((WebSocketHandshakeException) failure.getCause()).getResponse().statusCode();
    }

    private List<JsonNode> turn(String token, String text) {
        String conversation = api.createConversation(token, "");
        return SseClient.open(api, api.request(CONVERSATIONS + "/" + conversation + "/messages", token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"message\":\"" + text + "\"}"))).untilTerminal();
    }

    private String externalServerStatus() {
        return json(api.get("/health/ready", null)).path("checks").path("mcp").path("servers").path("ext")
                .path("status").asText();
    }

    private McpToolCatalog httpClient(String name, String token) throws IOException {
        Path file = serversFile(name + ".json", Map.of("confab", Map.of("url", server.uri() + "/mcp",
                "headers", Map.of("Authorization", "Bearer " + token))));
        McpToolCatalog catalog = McpClients.load(file);
        Await.until("/mcp is connected", Duration.ofSeconds(60), () -> catalog.health().getFirst().healthy());
        return catalog;
    }

    static ToolResult call(McpToolCatalog catalog, String tool, JsonValue arguments) {
        return catalog.invoke(new ToolInvocation(new UserId("whoever"), "call-" + UUID.randomUUID(), tool, arguments),
                (message, count) -> { }, new Cancellation());
    }

    private Path serversFile(String name, Map<String, Object> servers) throws IOException {
        return ForkedMain.writeServersFile(dir.resolve(name), servers);
    }

    private static String newToken() {
        return TestTokens.token("user-" + UUID.randomUUID());
    }

}
