package io.confab.application.tools;

import io.confab.domain.Task;
import io.confab.domain.UserId;
import io.confab.domain.json.JsonValue;
import io.confab.domain.port.TaskRepository;
import io.confab.domain.tool.ToolDefinition;
import io.confab.domain.tool.ToolProgress;
import io.confab.domain.tool.ToolResult;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Function;

/** One built-in task tool: its definition, what it does with arguments already validated, and the blocks the tools share. */
abstract class TaskTool {

    final TaskRepository tasks;
    final Clock clock;
    private final ToolDefinition definition;

    TaskTool(ToolDefinition definition, TaskRepository tasks, Clock clock) {
        this.definition = definition;
        this.tasks = tasks;
        this.clock = clock;
    }

    final ToolDefinition definition() {
        return definition;
    }

    /**
     * Runs for {@code user} (always the authenticated one); {@code arguments} fit the schema. What
     * the tool has to say before it ends (what it found) goes to {@code progress}.
     */
    abstract ToolResult run(UserId user, JsonValue.Obj arguments, ToolProgress progress);

    /**
     * Applies {@code action} to the user's task named by {@code task_id}, reporting "Found task 3:
     * Buy milk" once it is found. A missing task, another user's (existence is not revealed) or one
     * gone before the action ends is "Task 9 not found".
     */
    final ToolResult withTask(UserId user, JsonValue.Obj arguments, ToolProgress progress,
                              Function<Task, Optional<ToolResult>> action) {
        long id = ((JsonValue.Num) arguments.get("task_id").orElseThrow()).value().longValueExact();
        return tasks.find(user, id)
                .flatMap(task -> {
                    progress.report("Found task " + task.id() + ": " + task.title(), Optional.empty());
                    return action.apply(task);
                })
                .orElseGet(() -> new ToolResult.Failure("Task " + id + " not found"));
    }

    /** {@code {"task": …}} and "Added task 3: Buy milk" for {@code verb} "Added". */
    static ToolResult success(String verb, Task task) {
        return success(verb, "task", task);
    }

    static ToolResult success(String verb, String key, Task task) {
        return new ToolResult.Success(JsonValue.object(key, TaskJson.of(task)),
                verb + " task " + task.id() + ": " + task.title());
    }

    /** {@code schema} with the {@code task_id} the single-task tools take. */
    static JsonValue.Obj schemaWithTaskId(JsonSchema schema) {
        return schema.integer("task_id", "The task's number, as shown to the user", 1).build();
    }
}
