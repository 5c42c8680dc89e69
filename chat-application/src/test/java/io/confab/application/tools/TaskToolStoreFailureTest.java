package io.confab.application.tools;

import static io.confab.domain.json.JsonValue.object;
import static io.confab.domain.json.JsonValue.of;
import static org.assertj.core.api.Assertions.assertThat;

import io.confab.domain.Cancellation;
import io.confab.domain.Task;
import io.confab.domain.UserId;
import io.confab.domain.json.JsonValue;
import io.confab.domain.port.StoreUnavailableException;
import io.confab.domain.port.TaskFilter;
import io.confab.domain.port.TaskRepository;
import io.confab.domain.tool.ToolInvocation;
import io.confab.domain.tool.ToolProgress;
import io.confab.domain.tool.ToolResult;
import io.confab.testkit.TestClock;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** A task store that fails never shows the caller its message (which quotes SQL), only a plain one. */
class TaskToolStoreFailureTest {

    private static final String SQL = "select \"tasks\".\"id\", \"tasks\".\"title\"\nfrom \"tasks\" where \"owner\" = ?";

    private final UserId alice = new UserId("alice");

    @Test
    void givenTheStoreIsDown_aToolCall_failsWithAPlainMessage_withoutTheSql() {
        TaskTools tools = new TaskTools(new FailingTasks(() -> new StoreUnavailableException(
                "database unavailable: SQL [" + SQL + "]", new SQLException("Connection refused"))), new TestClock());

        ToolResult result = call(tools, "list_tasks", object());

        assertThat(result).isEqualTo(new ToolResult.Failure("The task store is unavailable; try again."));
    }

    @Test
    void givenAQueryFails_aToolCall_failsWithAPlainMessage_withoutTheSql() {
        TaskTools tools = new TaskTools(new FailingTasks(() -> new IllegalStateException(
                "SQL [" + SQL + "]; ERROR: relation \"tasks\" does not exist")), new TestClock());

        ToolResult result = call(tools, "add_task", object("title", of("buy milk")));

        assertThat(result).isInstanceOfSatisfying(ToolResult.Failure.class, failure -> assertThat(failure.error())
                .isEqualTo("The task store could not do that; try again.")
                .doesNotContain("select", "tasks", "SQL"));
    }

    @Test
    void oneLine_keepsTheDetailAndTheCauses_onOneLine() {
        String line = OneLine.of(new IllegalStateException("SQL [" + SQL + "]", new SQLException("boom\nat line 2")));

        assertThat(line).doesNotContain("\n")
                .isEqualTo("IllegalStateException: SQL [select \"tasks\".\"id\", \"tasks\".\"title\" from \"tasks\""
                        + " where \"owner\" = ?] <- SQLException: boom at line 2");
    }

    private ToolResult call(TaskTools tools, String tool, JsonValue arguments) {
        return tools.invoke(new ToolInvocation(alice, "call", tool, arguments), ToolProgress.IGNORE,
                new Cancellation());
    }

    /** Every operation throws the given error, as a broken database would. */
    private record FailingTasks(Supplier<RuntimeException> error) implements TaskRepository {

        @Override
        public Task add(UserId owner, String title, String description, Instant now) {
            throw error.get();
        }

        @Override
        public List<Task> list(UserId owner, TaskFilter filter) {
            throw error.get();
        }

        @Override
        public Optional<Task> find(UserId owner, long id) {
            throw error.get();
        }

        @Override
        public Optional<Task> update(Task task) {
            throw error.get();
        }

        @Override
        public boolean delete(UserId owner, long id) {
            throw error.get();
        }

        @Override
        public long eraseOwner(UserId owner) {
            throw error.get();
        }
    }
}
