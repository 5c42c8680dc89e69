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
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Confab's MCP client talking to Confab's MCP server publishing the built-in task tools; run once
 * per transport (stdio, HTTP). One connection serves the whole class, so each test works on the
 * tasks it created itself.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class AbstractConfabServerTest {

    static final UserId ALICE = new UserId("alice");

    McpToolCatalog alice;

    /** A client catalogue connected to the server as {@code user}, with the server named "confab". */
    abstract McpToolCatalog connect(UserId user);

    /** Starts what {@link #connect} talks to, if it runs for the whole class. */
    void startServer() {
    }

    void stopServer() {
    }

    @BeforeAll
    void connectAlice() {
        startServer();
        alice = connect(ALICE);
    }

    @AfterAll
    void disconnect() {
        alice.close();
        stopServer();
    }

    @Test
    void listTools_showsTheBuiltInTools_withTheirSchemas() {
        assertThat(alice.tools(ALICE)).extracting(ToolDefinition::name).containsExactly(
                "confab__add_task", "confab__list_tasks", "confab__update_task", "confab__complete_task",
                "confab__delete_task", "confab__count");
        ToolDefinition addTask = alice.tools(ALICE).getFirst();
        assertThat(addTask.parameters().get("additionalProperties")).contains(of(false));
        assertThat(addTask.parameters().get("required")).contains(JsonValue.array(List.of(of("title"))));
    }

    @Test
    void addTask_returnsTheTask_andTheServersSummary() {
        ToolResult.Success added = success(call(alice, "add_task", object("title", of("buy milk"))));

        assertThat(task(added).string("title")).hasValue("buy milk");
        assertThat(added.summary()).isEqualTo("Added task " + id(added) + ": buy milk");
    }

    @Test
    void listTasks_findsTheAddedTask() {
        long id = id(success(call(alice, "add_task", object("title", of("walk the dog")))));

        ToolResult.Success listed = success(call(alice, "list_tasks", object("status", of("pending"))));

        assertThat(((JsonValue.Obj) listed.result()).get("tasks").orElseThrow())
                .isInstanceOfSatisfying(JsonValue.Arr.class, tasks -> assertThat(tasks.elements())
                        .anySatisfy(task -> assertThat(((JsonValue.Obj) task).get("id")).contains(JsonValue.of(id))));
        assertThat(listed.summary()).startsWith("Found ");
    }

    @Test
    void updateCompleteAndDelete_workOnTheTask() {
        long id = id(success(call(alice, "add_task", object("title", of("draft")))));

        ToolResult.Success updated = success(call(alice, "update_task", object("task_id", of(id), "title", of("final"))));
        ToolResult.Success completed = success(call(alice, "complete_task", object("task_id", of(id))));
        ToolResult.Success deleted = success(call(alice, "delete_task", object("task_id", of(id))));

        assertThat(updated.summary()).isEqualTo("Updated task " + id + ": final");
        assertThat(task(completed).get("completed")).contains(of(true));
        assertThat(deleted.summary()).isEqualTo("Deleted task " + id + ": final");
        assertThat(call(alice, "delete_task", object("task_id", of(id))))
                .isEqualTo(new ToolResult.Failure("Task " + id + " not found"));
    }

    @Test
    void schemaViolations_areAFailure_withTheToolsMessage() {
        assertThat(call(alice, "add_task", JsonValue.Obj.empty()))
                .isEqualTo(new ToolResult.Failure("title: is required"));
        assertThat(call(alice, "complete_task", object("task_id", of(0))))
                .isEqualTo(new ToolResult.Failure("task_id: must be an integer ≥ 1"));
    }

    @Test
    void aUserIdArgument_isRejected_notObeyed() {
        assertThat(call(alice, "add_task", object("title", of("x"), "user_id", of("bob"))))
                .isEqualTo(new ToolResult.Failure("unexpected argument \"user_id\""));
    }

    @Test
    void unknownTool_isAFailure() {
        assertThat(call(alice, "drop_tables", JsonValue.Obj.empty()))
                .isEqualTo(new ToolResult.Failure("Unknown tool \"confab__drop_tables\""));
    }

    @Test
    void progressOfTheServersTool_reachesTheCaller() {
        List<String> reports = new CopyOnWriteArrayList<>();

        ToolResult result = alice.invoke(new ToolInvocation(ALICE, "c", "confab__count", object("to", of(3))),
                (message, count) -> reports.add(message), new Cancellation());

        assertThat(result).isEqualTo(new ToolResult.Success(object("counted", of(3)), "Counted to 3"));
        Await.until("three progress reports arrived", Duration.ofSeconds(10), () -> reports.size() == 3);
        assertThat(reports).containsExactly("step 1 of 3", "step 2 of 3", "step 3 of 3");
    }

    /** {@code catalog}, once every server in it is connected (they connect in the background). */
    static McpToolCatalog connected(McpToolCatalog catalog) {
        Await.until("the MCP servers are connected", Duration.ofSeconds(30),
                () -> catalog.health().stream().allMatch(ServerHealth::healthy));
        return catalog;
    }

    /** Calls the server's {@code tool} through the client, as {@code client}'s user. */
    static ToolResult call(McpToolCatalog client, String tool, JsonValue arguments) {
        return client.invoke(new ToolInvocation(ALICE, "call", "confab__" + tool, arguments), ToolProgress.IGNORE,
                new Cancellation());
    }

    static ToolResult.Success success(ToolResult result) {
        assertThat(result).isInstanceOf(ToolResult.Success.class);
        return (ToolResult.Success) result;
    }

    static JsonValue.Obj task(ToolResult.Success result) {
        return (JsonValue.Obj) ((JsonValue.Obj) result.result()).get("task").orElseThrow();
    }

    static long id(ToolResult.Success added) {
        return ((JsonValue.Num) task(added).get("id").orElseThrow()).value().longValueExact();
    }
}
