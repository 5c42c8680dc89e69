package io.confab.mcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.confab.domain.UserId;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServersFileTest {

    @TempDir
    Path dir;

    @Test
    void aFullFile_isParsed_withVariablesExpanded() throws IOException {
        Path file = write("""
                {"servers": {
                   "weather": {"command": "npx", "args": ["-y", "weather-mcp"], "env": {"KEY": "k-${API_KEY}"},
                               "cwd": "/opt/weather", "timeout_seconds": 5},
                   "search": {"url": "https://mcp.example.com/mcp", "headers": {"Authorization": "Bearer ${TOKEN}"}}
                 },
                 "reconnect": {"min_ms": 200, "max_ms": 5000}}""");

        ServersFile parsed = ServersFile.read(file, Map.of("API_KEY", "123", "TOKEN", "abc"));

        assertThat(parsed.servers()).containsExactly(
                new ServerConfig.Stdio("weather", "npx", List.of("-y", "weather-mcp"), Map.of("KEY", "k-123"),
                        Optional.of(Path.of("/opt/weather")), Duration.ofSeconds(5), ServerConfig.PerUser.DEFAULT),
                new ServerConfig.Http("search", URI.create("https://mcp.example.com/mcp"),
                        Map.of("Authorization", "Bearer abc"), Optional.empty(), ServersFile.DEFAULT_TIMEOUT,
                        ServerConfig.PerUser.DEFAULT));
        assertThat(parsed.backoff()).isEqualTo(new Backoff(Duration.ofMillis(200), Duration.ofSeconds(5)));
    }

    @Test
    void theMcpServersKeyOfOtherClients_isAccepted() throws IOException {
        Path file = write("""
                {"mcpServers": {"fs": {"command": "mcp-fs"}}}""");

        assertThat(ServersFile.read(file, Map.of()).servers()).extracting(ServerConfig::name).containsExactly("fs");
    }

    @Test
    void aMissingFile_isOneClearLine() {
        assertProblem(dir.resolve("nope.json"), "file not found");
    }

    @Test
    void invalidJson_namesTheLine() throws IOException {
        assertProblem(write("{\"servers\": {\n  \"a\": }"), "not valid JSON (line 2");
    }

    @Test
    void aServerWithNeitherCommandNorUrl_isRejected() throws IOException {
        assertProblem(write("{\"servers\": {\"a\": {\"args\": []}}}"),
                "servers.a: give either \"command\" (stdio) or \"url\" (streamable HTTP)");
    }

    @Test
    void aMisspelledKey_isRejected() throws IOException {
        assertProblem(write("{\"servers\": {\"a\": {\"command\": \"x\", \"timeout\": 3}}}"),
                "servers.a: unknown key \"timeout\"");
    }

    @Test
    void anUnsetVariable_isRejected_byName() throws IOException {
        assertProblem(write("{\"servers\": {\"a\": {\"url\": \"http://h/mcp\", \"headers\": {\"X\": \"${SECRET}\"}}}}"),
                "servers.a.headers.X uses ${SECRET}, which is not set");
    }

    @Test
    void aBadTimeoutOrUrlOrName_isRejected() throws IOException {
        assertProblem(write("{\"servers\": {\"a\": {\"command\": \"x\", \"timeout_seconds\": -1}}}"),
                "servers.a.timeout_seconds must be a number above 0");
        assertProblem(write("{\"servers\": {\"a\": {\"url\": \"ftp://h/x\"}}}"),
                "servers.a.url must be an http or https URL");
        assertProblem(write("{\"servers\": {\"a b\": {\"command\": \"x\"}}}"),
                "servers.a b: the name must be 1 to 32 letters");
    }

    @Test
    void scopes_arePerUserByDefault_sharedOnRequest_withLimitsAndAUserHeader() throws IOException {
        Path file = write("""
                {"servers": {
                   "memory": {"command": "mcp-memory"},
                   "notes": {"command": "mcp-notes", "scope": "per_user", "max_users": 3, "idle_timeout_seconds": 60},
                   "wiki": {"command": "mcp-wiki", "scope": "shared"},
                   "crm": {"url": "https://crm.example.com/mcp", "user_header": "X-Confab-User"}
                 }}""");

        List<ServerConfig> servers = ServersFile.read(file, Map.of()).servers();

        assertThat(servers).extracting(ServerConfig::scope).containsExactly(ServerConfig.PerUser.DEFAULT,
                new ServerConfig.PerUser(3, Duration.ofMinutes(1)), new ServerConfig.Shared(),
                ServerConfig.PerUser.DEFAULT);
        assertThat(((ServerConfig.Http) servers.get(3).forUser(new UserId("alice"))).headers())
                .containsEntry("X-Confab-User", "alice");
    }

    @Test
    void aPerUserStdioServer_getsTheUserInArgsAndEnv_safeInAFileName() throws IOException {
        Path file = write("""
                {"servers": {"memory": {"command": "mcp-memory", "args": ["--profile=${CONFAB_USER}"],
                  "env": {"MEMORY_FILE_PATH": "/data/${CONFAB_USER}.jsonl", "KEY": "${API_KEY}"}}}}""");

        ServerConfig.Stdio alice = (ServerConfig.Stdio) ServersFile.read(file, Map.of("API_KEY", "k")).servers()
                .getFirst().forUser(new UserId("alice"));
        ServerConfig.Stdio sneaky = (ServerConfig.Stdio) ServersFile.read(file, Map.of("API_KEY", "k")).servers()
                .getFirst().forUser(new UserId("../bob"));

        assertThat(alice.args()).containsExactly("--profile=alice");
        assertThat(alice.env()).containsEntry("MEMORY_FILE_PATH", "/data/alice.jsonl").containsEntry("KEY", "k");
        assertThat(sneaky.env()).containsEntry("MEMORY_FILE_PATH", "/data/%2E%2E%2Fbob.jsonl");
    }

    @Test
    void scopeSettingsThatCannotApply_areRejected() throws IOException {
        assertProblem(write("{\"servers\": {\"a\": {\"command\": \"x\", \"scope\": \"global\"}}}"),
                "servers.a.scope must be \"per_user\" or \"shared\"");
        assertProblem(write("{\"servers\": {\"a\": {\"command\": \"x\", \"scope\": \"shared\", \"max_users\": 2}}}"),
                "servers.a: max_users and idle_timeout_seconds need \"scope\": \"per_user\"");
        assertProblem(write("{\"servers\": {\"a\": {\"url\": \"http://h/mcp\", \"scope\": \"shared\", "
                        + "\"user_header\": \"X-User\"}}}"),
                "servers.a.user_header needs \"scope\": \"per_user\"");
        assertProblem(write("{\"servers\": {\"a\": {\"command\": \"x\", \"user_header\": \"X-User\"}}}"),
                "servers.a: unknown key \"user_header\"");
        assertProblem(write("{\"servers\": {\"a\": {\"command\": \"x\", \"scope\": \"shared\", "
                        + "\"env\": {\"F\": \"${CONFAB_USER}\"}}}}"),
                "servers.a.env.F uses ${CONFAB_USER}, which only a per_user stdio server has");
    }

    private void assertProblem(Path file, String problem) {
        assertThatThrownBy(() -> ServersFile.read(file, Map.of()))
                .isInstanceOf(McpConfigException.class)
                .hasMessageStartingWith("MCP servers file " + file + ": " + problem)
                .satisfies(error -> assertThat(error.getMessage()).doesNotContain("\n"));
    }

    private Path write(String json) throws IOException {
        Path file = Files.createTempFile(dir, "servers", ".json");
        Files.writeString(file, json);
        return file;
    }
}
