package io.confab.mcp;

import static io.confab.domain.json.JsonValue.object;
import static io.confab.domain.json.JsonValue.of;
import static org.assertj.core.api.Assertions.assertThat;

import io.confab.domain.Cancellation;
import io.confab.domain.UserId;
import io.confab.domain.json.JsonValue;
import io.confab.domain.port.ToolCatalog;
import io.confab.domain.tool.ToolDefinition;
import io.confab.domain.tool.ToolInvocation;
import io.confab.domain.tool.ToolProgress;
import io.confab.domain.tool.ToolResult;
import io.confab.json.JsonValues;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Confab's client ↔ Confab's server over streamable HTTP, mounted in Javalin's Jetty as bootstrap does. */
class ConfabHttpServerTest extends AbstractConfabServerTest {

    private static final UserId BOB = new UserId("bob");
    private static final String INITIALIZE = """
            {"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18",
             "capabilities":{},"clientInfo":{"name":"raw","version":"1"}}}""";
    private static final String TOOLS_LIST = """
            {"jsonrpc":"2.0","id":2,"method":"tools/list","params":{}}""";

    private McpHttpServer server;
    private final HttpClient http = HttpClient.newHttpClient();

    @Override
    void startServer() {
        server = new McpHttpServer(TestCatalogs.served(),
                McpServerSettings.defaults().withAllowedOrigins(Set.of("https://app.example.com")));
    }

    @Override
    void stopServer() {
        server.close();
    }

    /** Goes through the public entry: a servers file whose header takes the token from a variable. */
    @Override
    McpToolCatalog connect(UserId user) {
        return connect(user, server);
    }

    private static McpToolCatalog connect(UserId user, McpHttpServer server) {
        try {
            Path file = Files.createTempFile("mcp-servers", ".json");
            Files.writeString(file, """
                    {"servers": {"confab": {"url": "%s", "timeout_seconds": 20,
                      "headers": {"Authorization": "Bearer ${CONFAB_TOKEN}"}}}}""".formatted(server.url()));
            return connected(McpClients.load(file, Map.of("CONFAB_TOKEN", TestVerifier.tokenOf(user))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void aSessionOfOneUser_cannotSeeOrChangeAnotherUsersTasks() {
        try (McpToolCatalog bob = connect(BOB)) {
            long bobsTask = id(success(call(bob, "add_task", object("title", of("bob's secret")))));

            ToolResult alicesList = call(alice, "list_tasks", JsonValue.Obj.empty());
            call(alice, "complete_task", object("task_id", of(bobsTask)));
            call(alice, "delete_task", object("task_id", of(bobsTask)));

            assertThat(JsonValues.write(success(alicesList).result())).doesNotContain("bob's secret");
            ToolResult.Success bobsList = success(call(bob, "list_tasks", object("status", of("pending"))));
            assertThat(JsonValues.write(bobsList.result())).contains("bob's secret");
        }
    }

    @Test
    void withoutAToken_theEndpointAnswers401_withWwwAuthenticate() throws Exception {
        HttpResponse<String> response = post(INITIALIZE, Map.of());

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer realm=\"confab\"");
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.body()).contains("\"status\":401");
    }

    @Test
    void withAnInvalidToken_theEndpointAnswers401_invalidToken() throws Exception {
        HttpResponse<String> response = post(INITIALIZE, Map.of("Authorization", "Bearer forged"));

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                header -> assertThat(header).contains("error=\"invalid_token\""));
    }

    @Test
    void aForeignOrigin_isRejected_evenWithAValidToken() throws Exception {
        HttpResponse<String> response = post(INITIALIZE,
                Map.of("Authorization", "Bearer " + TestVerifier.tokenOf(ALICE), "Origin", "https://evil.example"));

        assertThat(response.statusCode()).isEqualTo(403);
    }

    @Test
    void localhostAndConfiguredOrigins_areAccepted() throws Exception {
        for (String origin : List.of("http://localhost:3000", "https://app.example.com")) {
            HttpResponse<String> response = post(INITIALIZE,
                    Map.of("Authorization", "Bearer " + TestVerifier.tokenOf(ALICE), "Origin", origin));

            assertThat(response.statusCode()).as(origin).isEqualTo(200);
        }
    }

    @Test
    void anAcceptedRequest_echoesItsCorrelationId_orGetsANewOne() throws Exception {
        Map<String, String> headers = new java.util.HashMap<>(bearer(ALICE));
        headers.put("X-Correlation-ID", "trace-42");

        assertThat(post(INITIALIZE, headers).headers().firstValue("X-Correlation-ID")).hasValue("trace-42");
        assertThat(post(INITIALIZE, bearer(ALICE)).headers().firstValue("X-Correlation-ID"))
                .hasValueSatisfying(id -> assertThat(id).isNotBlank());
    }

    @Test
    void anotherUsersToken_cannotUseASession_itIsNotFound() throws Exception {
        HttpResponse<String> opened = post(INITIALIZE, Map.of("Authorization", "Bearer " + TestVerifier.tokenOf(ALICE)));
        String session = opened.headers().firstValue("Mcp-Session-Id").orElseThrow();

        HttpResponse<String> hijack = post("""
                {"jsonrpc":"2.0","id":2,"method":"tools/list","params":{}}""",
                Map.of("Authorization", "Bearer " + TestVerifier.tokenOf(BOB), "Mcp-Session-Id", session));

        assertThat(hijack.statusCode()).isEqualTo(404);
    }

    @Test
    void theMcpServer_startsWithTheFirstRequest_notWithTheEndpoint() throws Exception {
        AtomicInteger listings = new AtomicInteger();
        ToolCatalog counting = new CountingCatalog();
        ToolCatalog catalog = new ToolCatalog() {
            @Override
            public List<ToolDefinition> tools(UserId user) {
                listings.incrementAndGet();
                return counting.tools(user);
            }

            @Override
            public ToolResult invoke(ToolInvocation invocation, ToolProgress progress, Cancellation cancellation) {
                return counting.invoke(invocation, progress, cancellation);
            }
        };
        try (McpHttpServer lazy = new McpHttpServer(catalog, McpServerSettings.defaults())) {
            int listingsBeforeAnyRequest = listings.get();

            HttpResponse<String> response = post(lazy, INITIALIZE, Map.of("Authorization", "Bearer " + TestVerifier.tokenOf(ALICE)));

            assertThat(listingsBeforeAnyRequest).isZero();
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(listings.get()).isOne();
        }
    }

    @Test
    void aRequestWithoutASessionId_isA400_jsonRpcError() throws Exception {
        HttpResponse<String> response = post(TOOLS_LIST, bearer(ALICE));

        assertJsonRpcError(response, 400, -32000, JsonValue.Null.INSTANCE);
    }

    @Test
    void anUnknownSessionId_isA404_jsonRpcError() throws Exception {
        Map<String, String> headers = new java.util.HashMap<>(bearer(ALICE));
        headers.put("Mcp-Session-Id", "no-such-session");

        assertJsonRpcError(post(TOOLS_LIST, headers), 404, -32001, JsonValue.Null.INSTANCE);
        assertJsonRpcError(send("GET", null, headers), 404, -32001, JsonValue.Null.INSTANCE);
        assertJsonRpcError(send("DELETE", null, headers), 404, -32001, JsonValue.Null.INSTANCE);
    }

    @Test
    void aWrongAccept_isA406_jsonRpcError() throws Exception {
        Map<String, String> headers = new java.util.HashMap<>(bearer(ALICE));
        headers.put("Accept", "text/html");

        assertJsonRpcError(send("POST", INITIALIZE, headers), 406, -32000, JsonValue.Null.INSTANCE);
        headers.put("Mcp-Session-Id", session(ALICE));
        assertJsonRpcError(send("GET", null, headers), 406, -32000, JsonValue.Null.INSTANCE);
    }

    @Test
    void badJson_isA400_parseError() throws Exception {
        assertJsonRpcError(post("{\"jsonrpc\":\"2.0\",", bearer(ALICE)), 400, -32700, JsonValue.Null.INSTANCE);
        assertJsonRpcError(post("", bearer(ALICE)), 400, -32700, JsonValue.Null.INSTANCE);
    }

    @Test
    void aMessageThatIsNotJsonRpc_isA400_invalidRequest() throws Exception {
        assertJsonRpcError(post("[1,2]", bearer(ALICE)), 400, -32600, JsonValue.Null.INSTANCE);
        assertJsonRpcError(post("{\"id\":7,\"method\":\"tools/list\"}", bearer(ALICE)), 400, -32600, of(7));
    }

    @Test
    void paramsThatAreNotAnObject_areA400_invalidParams_withTheRequestsId() throws Exception {
        Map<String, String> headers = new java.util.HashMap<>(bearer(ALICE));
        headers.put("Mcp-Session-Id", session(ALICE));

        HttpResponse<String> response = post("""
                {"jsonrpc":"2.0","id":3,"method":"tools/list","params":"x"}""", headers);

        assertJsonRpcError(response, 400, -32602, of(3));
    }

    @Test
    void anErrorTheSdkAnswersItself_isAPlainJsonRpcError_withoutItsStackTrace() throws Exception {
        HttpResponse<String> response = post("""
                {"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":{"not":"a string"}}}""",
                bearer(ALICE));

        assertJsonRpcError(response, 400, -32600, JsonValue.Null.INSTANCE);
    }

    @Test
    void aToolThatThrows_isAnErrorResult_withoutTheExceptionsText() {
        ToolCatalog throwing = new ToolCatalog() {
            @Override
            public List<ToolDefinition> tools(UserId user) {
                return new CountingCatalog().tools(user);
            }

            @Override
            public ToolResult invoke(ToolInvocation invocation, ToolProgress progress, Cancellation cancellation) {
                throw new IllegalStateException("SQL [select * from tasks where owner = ?]");
            }
        };
        try (McpHttpServer failing = new McpHttpServer(throwing, McpServerSettings.defaults());
             McpToolCatalog client = connect(ALICE, failing)) {

            ToolResult result = client.invoke(new ToolInvocation(ALICE, "c", "confab__count", object("to", of(1))),
                    ToolProgress.IGNORE, new Cancellation());

            assertThat(result).isEqualTo(new ToolResult.Failure("Tool \"count\" failed unexpectedly"));
        }
    }

    /** A JSON-RPC error object with the status, code and id, and nothing of an exception in it. */
    private static void assertJsonRpcError(HttpResponse<String> response, int status, int code, JsonValue id) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
        assertThat(response.body()).doesNotContain("Exception", "\tat ", "io.modelcontextprotocol", "java.", "<html");
        JsonValue.Obj body = (JsonValue.Obj) JsonValues.parse(response.body());
        assertThat(body.get("jsonrpc")).contains(of("2.0"));
        assertThat(body.get("id")).contains(id);
        JsonValue.Obj error = (JsonValue.Obj) body.get("error").orElseThrow();
        assertThat(error.get("code")).contains(of(code));
        assertThat(error.string("message")).hasValueSatisfying(message -> assertThat(message).isNotBlank());
    }

    /** A new session of {@code user}'s, initialized. */
    private String session(UserId user) throws Exception {
        HttpResponse<String> opened = post(INITIALIZE, bearer(user));
        assertThat(opened.statusCode()).isEqualTo(200);
        return opened.headers().firstValue("Mcp-Session-Id").orElseThrow();
    }

    private static Map<String, String> bearer(UserId user) {
        return Map.of("Authorization", "Bearer " + TestVerifier.tokenOf(user));
    }

    private HttpResponse<String> post(String body, Map<String, String> headers) throws IOException, InterruptedException {
        return send(server, "POST", body, headers);
    }

    private HttpResponse<String> post(McpHttpServer target, String body, Map<String, String> headers)
            throws IOException, InterruptedException {
        return send(target, "POST", body, headers);
    }

    private HttpResponse<String> send(String method, String body, Map<String, String> headers)
            throws IOException, InterruptedException {
        return send(server, method, body, headers);
    }

    /** A raw request: JSON body when there is one, the Accept an MCP client sends unless {@code headers} say otherwise. */
    private HttpResponse<String> send(McpHttpServer target, String method, String body, Map<String, String> headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(target.url())
                .header("Accept", "application/json, text/event-stream")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        headers.forEach(request::setHeader);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
