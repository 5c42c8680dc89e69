package io.confab.mcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
                        Optional.of(Path.of("/opt/weather")), Duration.ofSeconds(5)),
                new ServerConfig.Http("search", URI.create("https://mcp.example.com/mcp"),
                        Map.of("Authorization", "Bearer abc"), ServersFile.DEFAULT_TIMEOUT));
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
