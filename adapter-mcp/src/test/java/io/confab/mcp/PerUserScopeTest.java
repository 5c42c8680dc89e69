package io.confab.mcp;

import static io.confab.domain.json.JsonValue.object;
import static io.confab.domain.json.JsonValue.of;
import static org.assertj.core.api.Assertions.assertThat;

import io.confab.domain.Cancellation;
import io.confab.domain.UserId;
import io.confab.domain.json.JsonValue;
import io.confab.domain.tool.ToolInvocation;
import io.confab.domain.tool.ToolProgress;
import io.confab.domain.tool.ToolResult;
import io.confab.testkit.Await;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** A stdio server that keeps state (remember / recall), per user and shared. */
class PerUserScopeTest {

    private static final UserId ALICE = new UserId("alice");
    private static final UserId BOB = new UserId("bob");
    private static final Duration WAIT = Duration.ofSeconds(30);

    @Test
    void perUser_oneUsersStateNeverReachesAnother() {
        try (McpToolCatalog catalog = start(ServerConfig.PerUser.DEFAULT)) {
            call(catalog, ALICE, "remember", object("text", of("alice's secret")));

            assertThat(text(call(catalog, BOB, "recall", JsonValue.Obj.empty()))).isEqualTo("nothing");
            assertThat(text(call(catalog, ALICE, "recall", JsonValue.Obj.empty()))).isEqualTo("alice's secret");
            assertThat(catalog.health().getFirst().users()).hasValue(2);
        }
    }

    @Test
    void shared_everyUserSeesTheSameState() {
        try (McpToolCatalog catalog = start(new ServerConfig.Shared())) {
            call(catalog, ALICE, "remember", object("text", of("on the shared board")));

            assertThat(text(call(catalog, BOB, "recall", JsonValue.Obj.empty()))).isEqualTo("on the shared board");
            assertThat(catalog.health().getFirst().users()).isEqualTo(OptionalInt.empty());
        }
    }

    @Test
    void perUser_anIdleUsersProcessIsStopped_andTheNextCallStartsAFreshOne() {
        try (McpToolCatalog catalog = start(new ServerConfig.PerUser(5, Duration.ofMillis(300)))) {
            call(catalog, ALICE, "remember", object("text", of("soon forgotten")));

            Await.until("the idle connection is closed", WAIT,
                    () -> catalog.health().getFirst().users().equals(OptionalInt.of(0)));

            assertThat(text(call(catalog, ALICE, "recall", JsonValue.Obj.empty()))).isEqualTo("nothing");
        }
    }

    @Test
    void perUser_atTheLimit_theLeastRecentlyUsedIdleUserMakesRoom() {
        try (McpToolCatalog catalog = start(new ServerConfig.PerUser(1, Duration.ofMinutes(5)))) {
            call(catalog, ALICE, "remember", object("text", of("alice's note")));

            call(catalog, BOB, "remember", object("text", of("bob's note")));

            assertThat(catalog.health().getFirst().users()).hasValue(1);
            assertThat(text(call(catalog, ALICE, "recall", JsonValue.Obj.empty()))).isEqualTo("nothing");
        }
    }

    @Test
    void perUser_atTheLimit_withEveryConnectionBusy_aNewUserIsToldToTryAgain() {
        try (McpToolCatalog catalog = start(new ServerConfig.PerUser(1, Duration.ofMinutes(5)))) {
            CompletableFuture<ToolResult> hanging = CompletableFuture.supplyAsync(
                    () -> call(catalog, ALICE, "hang", JsonValue.Obj.empty()));
            Await.until("alice's call holds the only connection", WAIT,
                    () -> catalog.health().getFirst().users().equals(OptionalInt.of(1)));

            ToolResult refused = call(catalog, BOB, "recall", JsonValue.Obj.empty());

            assertThat(refused).isEqualTo(new ToolResult.Failure(
                    "MCP server \"mem\" is busy: all 1 per-user connections are in use; try again."));
            assertThat(hanging.join()).isInstanceOf(ToolResult.Failure.class);
        }
    }

    private static McpToolCatalog start(ServerConfig.Scope scope) {
        ServerConfig server = Subprocess.server("mem", Duration.ofSeconds(3), scope, ExternalToolServerMain.class);
        McpToolCatalog catalog = McpClients.start(new ServersFile(List.of(server),
                new Backoff(Duration.ofMillis(50), Duration.ofMillis(500))), Clock.systemUTC());
        return AbstractConfabServerTest.connected(catalog);
    }

    private static ToolResult call(McpToolCatalog catalog, UserId user, String tool, JsonValue arguments) {
        return catalog.invoke(new ToolInvocation(user, "call", "mem__" + tool, arguments), ToolProgress.IGNORE,
                new Cancellation());
    }

    private static String text(ToolResult result) {
        assertThat(result).isInstanceOf(ToolResult.Success.class);
        return ((ToolResult.Success) result).summary();
    }
}
