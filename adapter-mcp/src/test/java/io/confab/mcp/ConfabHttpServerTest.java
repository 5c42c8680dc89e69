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
        try {
            Path file = Files.createTempFile("mcp-servers", ".json");
            Files.writeString(file, """
                    {"servers": {"confab": {"url": "%s", "timeout_seconds": 20,
                      "headers": {"Authorization": "Bearer ${CONFAB_TOKEN}"}}}}""".formatted(server.url()));
            return McpClients.load(file, Map.of("CONFAB_TOKEN", TestVerifier.tokenOf(user)));
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

    private HttpResponse<String> post(String body, Map<String, String> headers) throws IOException, InterruptedException {
        return post(server, body, headers);
    }

    private HttpResponse<String> post(McpHttpServer target, String body, Map<String, String> headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(target.url())
                .header("Content-Type", "application/json")
                .header("Accept", "application/json, text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
