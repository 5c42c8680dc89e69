package io.confab.mcp;

import static io.confab.domain.json.JsonValue.object;
import static io.confab.domain.json.JsonValue.of;
import static org.assertj.core.api.Assertions.assertThat;

import io.confab.domain.Cancellation;
import io.confab.domain.UserId;
import io.confab.domain.json.JsonValue;
import io.confab.domain.tool.ToolDefinition;
import io.confab.domain.tool.ToolInvocation;
import io.confab.domain.tool.ToolProgress;
import io.confab.domain.tool.ToolResult;
import io.confab.testkit.Await;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Confab's MCP client against a third-party test server run as a stdio subprocess. One client
 * serves the class; tests that break the server leave it to reconnect, and every test starts by
 * waiting until it is up.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExternalServerClientTest {

    private static final UserId ALICE = new UserId("alice");
    private static final Duration WAIT = Duration.ofSeconds(30);

    private McpToolCatalog catalog;

    @BeforeAll
    void start() {
        ServerConfig server = Subprocess.server("ext", Duration.ofSeconds(3), ExternalToolServerMain.class);
        catalog = McpClients.start(new ServersFile(List.of(server),
                new Backoff(Duration.ofMillis(50), Duration.ofMillis(500))), Clock.systemUTC());
    }

    @BeforeEach
    void serverIsUp() {
        Await.until("the server is up", WAIT, () -> catalog.health().getFirst().healthy());
    }

    @AfterAll
    void stop() {
        catalog.close();
    }

    @Test
    void tools_areListedUnderTheServerPrefix_withTheirSchemas() {
        assertThat(catalog.tools(ALICE)).extracting(ToolDefinition::name)
                .contains("ext__echo", "ext__count", "ext__hang", "ext__crash", "ext__grow", "ext__remember", "ext__recall");
        ToolDefinition echo = tool("ext__echo");
        assertThat(echo.description()).isEqualTo("Echoes the text back");
        assertThat(echo.parameters().get("required")).contains(JsonValue.array(List.of(of("text"))));
        assertThat(catalog.health()).singleElement()
                .satisfies(health -> {
                    assertThat(health.status()).isEqualTo(ServerHealth.Status.UP);
                    assertThat(health.tools()).isGreaterThanOrEqualTo(5);
                    assertThat(health.transport()).isEqualTo("stdio");
                });
    }

    @Test
    void call_returnsTheServersText() {
        ToolResult result = call("ext__echo", object("text", of("hi")), ToolProgress.IGNORE);

        assertThat(result).isEqualTo(new ToolResult.Success(of("echo: hi"), "echo: hi"));
    }

    @Test
    void progressNotifications_becomeProgressReports() {
        List<String> reports = new CopyOnWriteArrayList<>();

        ToolResult result = call("ext__count", object("to", of(3)),
                (message, count) -> reports.add(message + "#" + count.orElse(-1L)));

        assertThat(result).isEqualTo(new ToolResult.Success(object("counted", of(3)), "Finished count"));
        Await.until("three progress reports arrived", WAIT, () -> reports.size() == 3);
        assertThat(reports).containsExactly("counted 1#1", "counted 2#2", "counted 3#3");
    }

    @Test
    void unknownTool_isAFailure() {
        assertThat(call("ext__nope", JsonValue.Obj.empty(), ToolProgress.IGNORE))
                .isEqualTo(new ToolResult.Failure("Unknown tool \"ext__nope\""));
    }

    @Test
    void serverKilledMidCall_isAFailure_markedDown_andReconnected() {
        ToolResult crashed = call("ext__crash", JsonValue.Obj.empty(), ToolProgress.IGNORE);

        assertThat(crashed).isInstanceOfSatisfying(ToolResult.Failure.class,
                failure -> assertThat(failure.error())
                        .startsWith("MCP server \"ext\" failed on crash: the server process exited with code 3"));
        assertThat(catalog.health().getFirst().status()).isNotEqualTo(ServerHealth.Status.UP);
        Await.until("the server is reconnected", WAIT, () -> catalog.health().getFirst().healthy());
        assertThat(call("ext__echo", object("text", of("again")), ToolProgress.IGNORE))
                .isEqualTo(new ToolResult.Success(of("echo: again"), "echo: again"));
    }

    @Test
    void callThatHangs_timesOut_asAFailure_andTheServerIsRestarted() {
        ToolResult hung = call("ext__hang", JsonValue.Obj.empty(), ToolProgress.IGNORE);

        assertThat(hung).isEqualTo(new ToolResult.Failure("MCP server \"ext\" failed on hang: timed out after 3 s"));
        Await.until("the server is reconnected", WAIT, () -> catalog.health().getFirst().healthy());
        assertThat(call("ext__echo", object("text", of("back")), ToolProgress.IGNORE))
                .isInstanceOf(ToolResult.Success.class);
    }

    @Test
    void cancelledCall_endsAtOnce_asAFailure() {
        Cancellation cancellation = new Cancellation();
        cancellation.cancel();

        ToolResult result = catalog.invoke(new ToolInvocation(ALICE, "c1", "ext__hang", JsonValue.Obj.empty()),
                ToolProgress.IGNORE, cancellation);

        assertThat(result).isEqualTo(new ToolResult.Failure("cancelled"));
    }

    @Test
    void toolListChanged_refreshesTheTools() {
        call("ext__grow", JsonValue.Obj.empty(), ToolProgress.IGNORE);

        Await.until("the new tool is listed", WAIT,
                () -> catalog.tools(ALICE).stream().anyMatch(tool -> tool.name().equals("ext__late")));
        assertThat(call("ext__late", JsonValue.Obj.empty(), ToolProgress.IGNORE))
                .isEqualTo(new ToolResult.Success(of("late tool"), "late tool"));
    }

    @Test
    void serverThatCannotStart_isDown_andDoesNotStopStartUp() {
        ServerConfig missing = new ServerConfig.Stdio("gone", "/nonexistent/mcp-server", List.of(), Map.of(),
                Optional.empty(), Duration.ofSeconds(2), new ServerConfig.Shared());
        try (McpToolCatalog broken = McpClients.start(new ServersFile(List.of(missing), Backoff.DEFAULT),
                Clock.systemUTC())) {
            Await.until("the server is down", WAIT, () -> !broken.health().getFirst().error().isEmpty());
            assertThat(broken.tools(ALICE)).isEmpty();
            assertThat(broken.health()).singleElement().satisfies(health -> {
                assertThat(health.status()).isEqualTo(ServerHealth.Status.DOWN);
                assertThat(health.error()).hasValueSatisfying(error -> assertThat(error)
                        .startsWith("cannot connect: cannot start /nonexistent/mcp-server (")
                        .contains("No such file or directory"));
            });
        }
    }

    @Test
    void aServerThatExitsAtOnce_isDownWithinSeconds_withItsExitCodeAndStderr_withoutDelayingStartUp() {
        ServerConfig exiting = new ServerConfig.Stdio("boom", "sh", List.of("-c", "echo boom >&2; exit 3"), Map.of(),
                Optional.empty(), Duration.ofSeconds(20), new ServerConfig.Shared());
        long started = System.nanoTime();
        try (McpToolCatalog broken = McpClients.start(new ServersFile(List.of(exiting),
                new Backoff(Duration.ofMillis(50), Duration.ofMillis(500))), Clock.systemUTC())) {
            Duration startUp = Duration.ofNanos(System.nanoTime() - started);

            Await.until("the server is reported down", Duration.ofSeconds(5),
                    () -> broken.health().getFirst().error().isPresent());

            assertThat(startUp).isLessThan(Duration.ofSeconds(1));
            assertThat(broken.health().getFirst().status()).isEqualTo(ServerHealth.Status.DOWN);
            assertThat(broken.health().getFirst().error()).hasValue(
                    "cannot connect: the server process exited with code 3; stderr: boom");
        }
    }

    private ToolDefinition tool(String name) {
        return catalog.tools(ALICE).stream().filter(tool -> tool.name().equals(name)).findFirst().orElseThrow();
    }

    private ToolResult call(String tool, JsonValue arguments, ToolProgress progress) {
        return catalog.invoke(new ToolInvocation(ALICE, "call-1", tool, arguments), progress, new Cancellation());
    }
}
