package io.confab.application.tools;

import static io.confab.domain.json.JsonValue.object;
import static io.confab.domain.json.JsonValue.of;
import static org.assertj.core.api.Assertions.assertThat;

import io.confab.application.memory.InMemoryTaskRepository;
import io.confab.domain.Cancellation;
import io.confab.domain.UserId;
import io.confab.domain.json.JsonValue;
import io.confab.domain.port.ToolCatalog;
import io.confab.domain.tool.ToolDefinition;
import io.confab.domain.tool.ToolInvocation;
import io.confab.domain.tool.ToolProgress;
import io.confab.domain.tool.ToolResult;
import io.confab.testkit.TestClock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The built-in task tools as agreed in TOOLS.md: results, summaries and argument errors. */
class TaskToolsTest {

    private final TestClock clock = new TestClock();
    private final TaskTools tools = new TaskTools(new InMemoryTaskRepository(), clock);
    private final UserId alice = new UserId("alice");
    private final UserId bob = new UserId("bob");

    @Test
    void everyToolHasAStrictObjectSchemaAndAnActivity() {
        assertThat(tools.tools(alice)).extracting(ToolDefinition::name, ToolDefinition::activity).containsExactly(
                org.assertj.core.groups.Tuple.tuple("add_task", "Adding a task…"),
                org.assertj.core.groups.Tuple.tuple("list_tasks", "Searching tasks…"),
                org.assertj.core.groups.Tuple.tuple("update_task", "Updating a task…"),
                org.assertj.core.groups.Tuple.tuple("complete_task", "Completing a task…"),
                org.assertj.core.groups.Tuple.tuple("delete_task", "Deleting a task…"));
        assertThat(tools.tools(alice)).allSatisfy(tool ->
                assertThat(tool.parameters().get("additionalProperties")).contains(of(false)));
    }

    @Test
    void addTask_returnsTheTaskAsJson_withASummary() {
        ToolResult result = call(alice, "add_task", object("title", of("buy milk")));

        assertThat(result).isEqualTo(new ToolResult.Success(object("task", object(
                "id", of(1), "title", of("buy milk"), "description", of(""), "completed", of(false),
                "created_at", of(clock.instant().toString()), "updated_at", of(clock.instant().toString()))),
                "Added task 1: buy milk"));
    }

    @Test
    void listTasks_countsAndFilters_withSummariesForNoneOneAndMany() {
        assertThat(summary(call(alice, "list_tasks", object()))).isEqualTo("No tasks found");
        call(alice, "add_task", object("title", of("a")));
        assertThat(summary(call(alice, "list_tasks", object()))).isEqualTo("Found 1 task");
        call(alice, "add_task", object("title", of("b")));
        call(alice, "complete_task", object("task_id", of(2)));

        assertThat(summary(call(alice, "list_tasks", object("status", of("all"))))).isEqualTo("Found 2 tasks");
        ToolResult pending = call(alice, "list_tasks", object("status", of("pending")));
        assertThat(((ToolResult.Success) pending).result()).isInstanceOfSatisfying(JsonValue.Obj.class,
                json -> assertThat(json.get("count")).contains(of(1)));
    }

    @Test
    void updateCompleteAndDelete_changeTheTask_withTheirSummaries() {
        call(alice, "add_task", object("title", of("buy milk")));

        assertThat(summary(call(alice, "update_task", object("task_id", of(1), "title", of("buy oat milk")))))
                .isEqualTo("Updated task 1: buy oat milk");
        assertThat(summary(call(alice, "complete_task", object("task_id", of(1))))).isEqualTo("Completed task 1: buy oat milk");
        assertThat(summary(call(alice, "complete_task", object("task_id", of(1), "completed", of(false)))))
                .isEqualTo("Reopened task 1: buy oat milk");
        assertThat(summary(call(alice, "delete_task", object("task_id", of(1))))).isEqualTo("Deleted task 1: buy oat milk");
        assertThat(summary(call(alice, "list_tasks", object()))).isEqualTo("No tasks found");
    }

    @Test
    void anotherUsersTask_isNotFound_forEveryTool() {
        call(alice, "add_task", object("title", of("alice's")));

        assertThat(call(bob, "update_task", object("task_id", of(1), "title", of("x")))).isEqualTo(failure("Task 1 not found"));
        assertThat(call(bob, "complete_task", object("task_id", of(1)))).isEqualTo(failure("Task 1 not found"));
        assertThat(call(bob, "delete_task", object("task_id", of(1)))).isEqualTo(failure("Task 1 not found"));
        assertThat(summary(call(alice, "list_tasks", object()))).isEqualTo("Found 1 task");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            add_task      | {}                                   | title: is required
            add_task      | {"title":"   "}                      | title: must not be empty
            add_task      | {"title":"x","user_id":"bob"}        | unexpected argument "user_id"
            add_task      | {"title":7}                          | title: must be a string
            list_tasks    | {"status":"done"}                    | status: must be one of all, pending, completed
            complete_task | {"task_id":0}                        | task_id: must be an integer ≥ 1
            complete_task | {"task_id":"2"}                      | task_id: must be an integer ≥ 1
            complete_task | {"task_id":1.5}                      | task_id: must be an integer ≥ 1
            complete_task | {"task_id":1,"completed":"yes"}      | completed: must be true or false
            update_task   | {"task_id":1}                        | title or description: at least one is required
            delete_task   | "not json"                           | arguments must be a JSON object
            fly           | {}                                   | Unknown tool "fly"
            """)
    void badCalls_failWithAReadableMessage(String tool, String arguments, String error) {
        assertThat(call(alice, tool, parse(arguments))).isEqualTo(failure(error));
    }

    @Test
    void listTasks_reportsTheCount_andTheSingleTaskTools_theTaskTheyFound_beforeTheyEnd() {
        call(alice, "add_task", object("title", of("a")));
        call(alice, "add_task", object("title", of("b")));
        List<String> reports = new ArrayList<>();
        ToolProgress progress = (message, count) -> reports.add(message + count.map(n -> " #" + n).orElse(""));

        tools.invoke(new ToolInvocation(alice, "c1", "list_tasks", object()), progress, new Cancellation());
        tools.invoke(new ToolInvocation(alice, "c2", "complete_task", object("task_id", of(2))), progress, new Cancellation());
        tools.invoke(new ToolInvocation(bob, "c3", "delete_task", object("task_id", of(1))), progress, new Cancellation());
        tools.invoke(new ToolInvocation(alice, "c4", "add_task", object("title", of("c"))), progress, new Cancellation());

        assertThat(reports).containsExactly("Found 2 tasks #2", "Found task 2: b");
    }

    @Test
    void aTitleOverTheLimit_isRejected() {
        assertThat(call(alice, "add_task", object("title", of("x".repeat(501)))))
                .isEqualTo(failure("title: must be at most 500 characters"));
    }

    @Test
    void aCompositeCatalog_routesByToolName_andReportsUnknownTools() {
        ToolCatalog composite = new CompositeToolCatalog(List.of(tools));

        assertThat(composite.tools(alice)).hasSize(5);
        assertThat(summary(composite.invoke(new ToolInvocation(alice, "c1", "add_task", object("title", of("x"))),
                ToolProgress.IGNORE, new Cancellation()))).isEqualTo("Added task 1: x");
        assertThat(composite.invoke(new ToolInvocation(alice, "c2", "other__tool", object()), ToolProgress.IGNORE,
                new Cancellation())).isEqualTo(failure("Unknown tool \"other__tool\""));
    }

    private ToolResult call(UserId user, String tool, JsonValue arguments) {
        return tools.invoke(new ToolInvocation(user, "call", tool, arguments), ToolProgress.IGNORE, new Cancellation());
    }

    private static String summary(ToolResult result) {
        assertThat(result).isInstanceOf(ToolResult.Success.class);
        return ((ToolResult.Success) result).summary();
    }

    private static ToolResult failure(String error) {
        return new ToolResult.Failure(error);
    }

    /** A tiny reader for the flat test arguments above (the core has no JSON parser). */
    private static JsonValue parse(String text) {
        if (!text.startsWith("{")) {
            return of(text);
        }
        java.util.Map<String, JsonValue> members = new java.util.LinkedHashMap<>();
        String body = text.substring(1, text.length() - 1).strip();
        if (!body.isEmpty()) {
            for (String pair : body.split(",")) {
                String[] parts = pair.split(":", 2);
                members.put(parts[0].strip().replace("\"", ""), value(parts[1].strip()));
            }
        }
        return new JsonValue.Obj(members);
    }

    private static JsonValue value(String text) {
        if (text.startsWith("\"")) {
            return of(text.substring(1, text.length() - 1));
        }
        if (text.equals("true") || text.equals("false")) {
            return of(Boolean.parseBoolean(text));
        }
        return new JsonValue.Num(new java.math.BigDecimal(text));
    }
}
