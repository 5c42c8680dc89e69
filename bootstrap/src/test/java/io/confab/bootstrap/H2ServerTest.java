package io.confab.bootstrap;

import static io.confab.testkit.http.TestHttp.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.confab.domain.UserId;
import io.confab.domain.json.JsonValue;
import io.confab.domain.tool.ToolDefinition;
import io.confab.domain.tool.ToolResult;
import io.confab.mcp.McpClients;
import io.confab.mcp.McpToolCatalog;
import io.confab.testkit.Await;
import io.confab.testkit.auth.TestTokens;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The black-box contract on the default database: an H2 file in the data directory. */
class H2ServerTest extends ServerContract {

    H2ServerTest() {
        super(ServerDatabase.H2);
    }

    @Test
    void theMcpCommand_runsBesideTheServer_onTheSameH2File() throws Exception {
        String user = "stdio-beside-the-server";
        Path file = ForkedMain.writeServersFile(dataDir.resolve("stdio.json"), Map.of("confab",
                ForkedMain.stdioServer(ForkedMain.javaArguments("mcp", "--user", user),
                        Map.of("CONFAB_DATA_DIR", dataDir.toString()))));
        try (McpToolCatalog stdio = McpClients.load(file)) {
            Await.until("the stdio server is up", Duration.ofSeconds(60), () -> stdio.health().getFirst().healthy());

            assertThat(stdio.tools(new UserId(user))).extracting(ToolDefinition::name).contains("confab__add_task");
            assertThat(McpEndToEndTest.call(stdio, "confab__add_task",
                    JsonValue.object("title", JsonValue.of("added beside the server"))))
                    .isInstanceOf(ToolResult.Success.class);
        }
        assertThat(json(api.get("/api/v1/tasks", TestTokens.token(user))).path("items").get(0).path("title").asText())
                .isEqualTo("added beside the server");
    }
}
