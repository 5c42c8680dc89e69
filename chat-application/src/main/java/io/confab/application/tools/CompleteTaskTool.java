package io.confab.application.tools;

import io.confab.domain.UserId;
import io.confab.domain.json.JsonValue;
import io.confab.domain.port.TaskRepository;
import io.confab.domain.tool.ToolDefinition;
import io.confab.domain.tool.ToolResult;
import java.time.Clock;

/** {@code complete_task}: marks a task done, or reopens it with {@code completed: false}. */
final class CompleteTaskTool implements TaskTool {

    private static final ToolDefinition DEFINITION = new ToolDefinition("complete_task",
            "Mark one of the user's tasks as done (or as not done with completed=false).",
            TaskTool.schemaWithTaskId(JsonSchema.object("task_id")
                    .bool("completed", "true to mark done (default), false to reopen")),
            "Completing a task…");

    private final TaskRepository tasks;
    private final Clock clock;

    CompleteTaskTool(TaskRepository tasks, Clock clock) {
        this.tasks = tasks;
        this.clock = clock;
    }

    @Override
    public ToolDefinition definition() {
        return DEFINITION;
    }

    @Override
    public ToolResult run(UserId user, JsonValue.Obj arguments) {
        long id = TaskTool.taskId(arguments);
        boolean completed = arguments.get("completed")
                .filter(JsonValue.Bool.class::isInstance)
                .map(value -> ((JsonValue.Bool) value).value())
                .orElse(true);
        return tasks.find(user, id)
                .flatMap(task -> tasks.update(task.withCompleted(completed, clock.instant())))
                .<ToolResult>map(task -> new ToolResult.Success(JsonValue.object("task", TaskJson.of(task)),
                        (completed ? "Completed task " : "Reopened task ") + task.id() + ": " + task.title()))
                .orElseGet(() -> TaskTool.notFound(id));
    }
}
