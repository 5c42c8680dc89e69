package io.confab.mcp;

import static io.confab.domain.json.JsonValue.object;
import static io.confab.domain.json.JsonValue.of;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.confab.domain.Cancellation;
import io.confab.domain.UserId;
import io.confab.domain.json.JsonValue;
import io.confab.domain.tool.ToolInvocation;
import io.confab.domain.tool.ToolProgress;
import io.confab.domain.tool.ToolResult;
import io.confab.json.JsonValues;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reference {@code @modelcontextprotocol/server-memory} (run with npx), per user: it keeps its
 * graph in a file, so each user's process gets a file of its own through {@code ${CONFAB_USER}}.
 * Skipped where node is not installed.
 */
class ReferenceMemoryServerTest {

    private static final String PACKAGE = "@modelcontextprotocol/server-memory@2026.8.31";

    @TempDir
    Path dir;

    @BeforeAll
    static void nodeIsInstalled() {
        assumeTrue(runs("npx", "--version"), "node/npx is not installed");
    }

    @Test
    void perUser_anEntityOneUserCreated_isNotInAnotherUsersGraph() throws IOException {
        ServersFile file = ServersFile.read(write("""
                {"servers": {"memory": {"command": "npx", "args": ["-y", "%s"], "timeout_seconds": 60,
                  "env": {"MEMORY_FILE_PATH": "%s/${CONFAB_USER}.jsonl"}}}}""".formatted(PACKAGE, dir)), System.getenv());
        try (McpToolCatalog catalog = AbstractConfabServerTest.connected(McpClients.start(file, Clock.systemUTC()))) {
            JsonValue.Obj entity = object("name", of("alices_secret"), "entityType", of("note"),
                    "observations", JsonValue.array(List.of()));
            success(call(catalog, "alice", "create_entities", object("entities", JsonValue.array(List.of(entity)))));

            String bobsGraph = JsonValues.write(success(call(catalog, "bob", "read_graph", JsonValue.Obj.empty())));
            String alicesGraph = JsonValues.write(success(call(catalog, "alice", "read_graph", JsonValue.Obj.empty())));

            assertThat(bobsGraph).doesNotContain("alices_secret");
            assertThat(alicesGraph).contains("alices_secret");
        }
    }

    private static ToolResult call(McpToolCatalog catalog, String user, String tool, JsonValue arguments) {
        return catalog.invoke(new ToolInvocation(new UserId(user), "call", "memory__" + tool, arguments),
                ToolProgress.IGNORE, new Cancellation());
    }

    private static JsonValue success(ToolResult result) {
        assertThat(result).isInstanceOf(ToolResult.Success.class);
        return ((ToolResult.Success) result).result();
    }

    private Path write(String json) throws IOException {
        return Files.writeString(dir.resolve("servers.json"), json);
    }

    private static boolean runs(String... command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            process.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
            return process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
