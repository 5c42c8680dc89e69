package io.confab.bootstrap;

import static io.confab.testkit.http.TestHttp.json;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import io.confab.testkit.Await;
import io.confab.testkit.ScriptedReplies;
import io.confab.testkit.http.TestHttp;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** An MCP server that fails never delays start-up: it is a WARN line and a down entry in readiness. */
class McpStartupTest {

    @TempDir
    Path dataDir;

    private final ListAppender<ILoggingEvent> log = new ListAppender<>();
    private final Logger connectionLog = (Logger) LoggerFactory.getLogger("io.confab.mcp.ServerConnection");
    private ConfabServer server;

    @BeforeEach
    void captureTheMcpLog() {
        log.start();
        connectionLog.addAppender(log);
    }

    @AfterEach
    void stop() {
        connectionLog.detachAppender(log);
        if (server != null) {
            server.stop();
        }
    }

    @Test
    void aServerThatExitsAtOnce_doesNotDelayStartUp_isAWarnWithItsExitCodeAndStderr_andIsDownInReadiness(
            @TempDir Path warmUpDir) throws IOException {
        // a first start in this JVM loads what every start needs; the measured one is the server's own time
        ConfabServer.start(ConfabConfig.of(Map.of("CONFAB_PORT", "0", "CONFAB_DATA_DIR", warmUpDir.toString())),
                ScriptedReplies.model()).stop();
        Path servers = dataDir.resolve("mcp.json");
        Files.writeString(servers, """
                {"servers": {"boom": {"command": "sh", "args": ["-c", "echo boom >&2; exit 3"]}}}""");

        long started = System.nanoTime();
        server = ConfabServer.start(ConfabConfig.of(Map.of("CONFAB_PORT", "0", "CONFAB_DATA_DIR", dataDir.toString(),
                "CONFAB_MCP_SERVERS", servers.toString(), "CONFAB_SHUTDOWN_GRACE_SECONDS", "1")), ScriptedReplies.model());
        Duration startUp = Duration.ofNanos(System.nanoTime() - started);
        TestHttp api = new TestHttp(server.uri());

        assertThat(startUp).isLessThan(Duration.ofSeconds(2));
        Await.until("the failure is logged", Duration.ofSeconds(5), () -> !warnings().isEmpty());
        assertThat(warnings().getFirst()).contains("boom", "exited with code 3", "stderr: boom").doesNotContain("\n");
        HttpResponse<String> ready = api.get("/health/ready", null);
        assertThat(ready.statusCode()).isEqualTo(200);
        JsonNode boom = json(ready).path("checks").path("mcp").path("servers").path("boom");
        assertThat(boom.path("status").asText()).isEqualTo("down");
        assertThat(boom.path("error").asText()).contains("exited with code 3", "boom");
    }

    private List<String> warnings() {
        return log.list.stream()
                .filter(event -> event.getLevel() == Level.WARN)
                .map(ILoggingEvent::getFormattedMessage)
                .toList();
    }
}
