package io.confab.application.tools;

import io.confab.domain.Cancellation;
import io.confab.domain.UserId;
import io.confab.domain.ValidationException;
import io.confab.domain.json.JsonValue;
import io.confab.domain.port.StoreUnavailableException;
import io.confab.domain.port.TaskRepository;
import io.confab.domain.port.ToolCatalog;
import io.confab.domain.tool.ToolDefinition;
import io.confab.domain.tool.ToolInvocation;
import io.confab.domain.tool.ToolProgress;
import io.confab.domain.tool.ToolResult;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The built-in task tools ({@code add_task}, {@code list_tasks}, {@code update_task},
 * {@code complete_task}, {@code delete_task}) as a catalogue. Arguments are validated against
 * each tool's schema; the user is always the invocation's, never an argument. A store that fails
 * is a plain failure for the caller (a model or an MCP client), never the database's own message,
 * which may quote SQL; the detail goes to the log.
 */
public final class TaskTools implements ToolCatalog {

    static final String STORE_UNAVAILABLE = "The task store is unavailable; try again.";
    static final String STORE_FAILED = "The task store could not do that; try again.";

    private static final System.Logger LOG = System.getLogger(TaskTools.class.getName());

    private final Map<String, TaskTool> byName = new LinkedHashMap<>();

    public TaskTools(TaskRepository tasks, Clock clock) {
        Stream.of(new AddTaskTool(tasks, clock), new ListTasksTool(tasks, clock), new UpdateTaskTool(tasks, clock),
                        new CompleteTaskTool(tasks, clock), new DeleteTaskTool(tasks, clock))
                .forEach(tool -> byName.put(tool.definition().name(), tool));
    }

    /** The tools' definitions as the agent loop offers them to a model, without a store behind them. */
    public static List<ToolDefinition> definitions() {
        return new TaskTools(null, Clock.systemUTC()).tools(null);
    }

    @Override
    public List<ToolDefinition> tools(UserId user) {
        return byName.values().stream().map(TaskTool::definition).toList();
    }

    @Override
    public ToolResult invoke(ToolInvocation invocation, ToolProgress progress, Cancellation cancellation) {
        TaskTool tool = byName.get(invocation.tool());
        if (tool == null) {
            return new ToolResult.Failure("Unknown tool \"" + invocation.tool() + "\"");
        }
        List<String> errors = SchemaValidator.validate(tool.definition().parameters(), invocation.arguments());
        if (!errors.isEmpty()) {
            return new ToolResult.Failure(String.join("; ", errors));
        }
        try {
            return tool.run(invocation.user(), (JsonValue.Obj) invocation.arguments(), progress);
        } catch (ValidationException e) {
            return new ToolResult.Failure(e.getMessage());
        } catch (ArithmeticException e) {
            return new ToolResult.Failure("task_id: is too large");
        } catch (StoreUnavailableException e) {
            return storeFailure(invocation, e, STORE_UNAVAILABLE);
        } catch (RuntimeException e) {
            return storeFailure(invocation, e, STORE_FAILED);
        }
    }

    private static ToolResult storeFailure(ToolInvocation invocation, RuntimeException e, String shown) {
        LOG.log(System.Logger.Level.WARNING, "tool {0} of user {1} failed: {2}",
                invocation.tool(), invocation.user().value(), OneLine.of(e));
        return new ToolResult.Failure(shown);
    }
}
