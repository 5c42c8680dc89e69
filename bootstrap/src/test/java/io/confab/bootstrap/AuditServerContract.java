package io.confab.bootstrap;

import static io.confab.bootstrap.ServerContract.assertProblem;
import static io.confab.testkit.http.TestHttp.CONVERSATIONS;
import static io.confab.testkit.http.TestHttp.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.confab.domain.json.JsonValue;
import io.confab.domain.tool.ToolResult;
import io.confab.mcp.McpClients;
import io.confab.mcp.McpToolCatalog;
import io.confab.testkit.Await;
import io.confab.testkit.auth.TestTokens;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The tool-call audit (SPEC §17) black-box: {@code GET /api/v1/audit/tool-calls} on the real
 * server lists a turn's call, an {@code /mcp} call and a {@code confab.jar mcp} (stdio) call, each
 * to its own user only; erasing the account erases them. Subclasses choose the database.
 */
abstract class AuditServerContract extends RealServerTest {

    static final String TOOL_CALLS = "/api/v1/audit/tool-calls";

    AuditServerContract(ServerDatabase database) {
        super(database);
    }

    @Override
    int rateLimit() {
        return 100;
    }

    @Test
    void aTurnsToolCall_isListedWithItsConversation_toItsUserOnly() {
        String alice = newToken();
        String bob = newToken();
        String conversation = api.createConversation(alice, "Errands");
        assertThat(api.post(CONVERSATIONS + "/" + conversation + "/messages", alice,
                "{\"message\":\"add task buy milk\"}").statusCode()).isEqualTo(200);

        JsonNode page = json(api.get(TOOL_CALLS, alice));

        assertThat(page.path("items")).hasSize(1);
        JsonNode call = page.path("items").get(0);
        assertThat(call.path("source").asText()).isEqualTo("turn");
        assertThat(call.path("conversation_id").asText()).isEqualTo(conversation);
        assertThat(call.path("tool").asText()).isEqualTo("add_task");
        assertThat(call.path("arguments").path("title").asText()).isEqualTo("buy milk");
        assertThat(call.path("outcome").asText()).isEqualTo("ok");
        assertThat(call.path("result").asText()).contains("buy milk");
        assertThat(call.path("duration_ms").isIntegralNumber()).isTrue();
        assertThat(call.path("created_at").asText()).isNotEmpty();
        assertThat(page.path("has_more").asBoolean()).isFalse();
        assertThat(json(api.get(TOOL_CALLS, bob)).path("items")).isEmpty();
        assertThat(json(api.get(TOOL_CALLS + "?before=" + call.path("id").asText(), bob)).path("items")).isEmpty();
    }

    @Test
    void theList_isNewestFirst_inKeysetPages() {
        String alice = newToken();
        String conversation = CONVERSATIONS + "/" + api.createConversation(alice, "") + "/messages";
        for (String title : List.of("first", "second", "third")) {
            api.post(conversation, alice, "{\"message\":\"add task " + title + "\"}");
        }

        JsonNode newest = json(api.get(TOOL_CALLS + "?limit=2", alice));
        JsonNode older = json(api.get(TOOL_CALLS + "?limit=2&before="
                + newest.path("items").get(1).path("id").asText(), alice));

        assertThat(titles(newest)).containsExactly("third", "second");
        assertThat(newest.path("has_more").asBoolean()).isTrue();
        assertThat(titles(older)).containsExactly("first");
        assertThat(older.path("has_more").asBoolean()).isFalse();
    }

    @Test
    void badParameters_areProblemJson() {
        String alice = newToken();

        assertProblem(api.get(TOOL_CALLS + "?limit=many", alice), 400, "bad_parameter");
        assertProblem(api.get(TOOL_CALLS + "?before=42", alice), 400, "bad_parameter");
        assertProblem(api.get(TOOL_CALLS + "?limit=0", alice), 422, "validation_failed");
        assertProblem(api.get(TOOL_CALLS, null), 401, "missing_token");
    }

    @Test
    void anMcpHttpCall_isListedAsMcpHttp_withoutAConversation() throws IOException {
        String user = newUser();
        Path file = ForkedMain.writeServersFile(dataDir.resolve("audit-http-" + user + ".json"), Map.of("confab",
                Map.of("url", server.uri() + "/mcp", "headers", Map.of("Authorization", "Bearer " + TestTokens.token(user)))));
        try (McpToolCatalog mcp = McpClients.load(file)) {
            Await.until("/mcp is connected", Duration.ofSeconds(60), () -> mcp.health().getFirst().healthy());
            assertThat(McpEndToEndTest.call(mcp, "confab__add_task", JsonValue.object("title", JsonValue.of("over http"))))
                    .isInstanceOf(ToolResult.Success.class);
        }

        JsonNode call = json(api.get(TOOL_CALLS, TestTokens.token(user))).path("items").get(0);
        assertThat(call.path("source").asText()).isEqualTo("mcp_http");
        assertThat(call.path("tool").asText()).isEqualTo("add_task");
        assertThat(call.path("arguments").path("title").asText()).isEqualTo("over http");
        assertThat(call.path("conversation_id").isNull()).isTrue();
    }

    @Test
    void anMcpStdioCall_isListedAsMcpStdio() throws Exception {
        String user = newUser();
        Map<String, String> env = new HashMap<>(databaseSettings());
        env.put("CONFAB_DATA_DIR", dataDir.toString());
        Path file = ForkedMain.writeServersFile(dataDir.resolve("audit-stdio.json"), Map.of("confab",
                ForkedMain.stdioServer(ForkedMain.javaArguments("mcp", "--user", user), env)));
        try (McpToolCatalog stdio = McpClients.load(file)) {
            Await.until("the stdio server is up", Duration.ofSeconds(60), () -> stdio.health().getFirst().healthy());
            assertThat(McpEndToEndTest.call(stdio, "confab__add_task", JsonValue.object("title", JsonValue.of("over stdio"))))
                    .isInstanceOf(ToolResult.Success.class);
        }

        JsonNode call = json(api.get(TOOL_CALLS, TestTokens.token(user))).path("items").get(0);
        assertThat(call.path("source").asText()).isEqualTo("mcp_stdio");
        assertThat(call.path("arguments").path("title").asText()).isEqualTo("over stdio");
    }

    @Test
    void erasingTheAccount_erasesItsAudit_andLeavesOthers() {
        String alice = newToken();
        String bob = newToken();
        api.post(CONVERSATIONS + "/" + api.createConversation(alice, "") + "/messages", alice,
                "{\"message\":\"add task buy milk\"}");
        api.post(CONVERSATIONS + "/" + api.createConversation(bob, "") + "/messages", bob,
                "{\"message\":\"add task walk the dog\"}");

        assertThat(api.delete("/api/v1/me", alice).statusCode()).isEqualTo(204);

        assertThat(json(api.get(TOOL_CALLS, alice)).path("items")).isEmpty();
        assertThat(json(api.get(TOOL_CALLS, bob)).path("items")).hasSize(1);
    }

    private static List<String> titles(JsonNode page) {
        return page.path("items").valueStream().map(call -> call.path("arguments").path("title").asText()).toList();
    }

    private static String newUser() {
        return "audit-" + UUID.randomUUID();
    }

    private static String newToken() {
        return TestTokens.token(newUser());
    }
}
