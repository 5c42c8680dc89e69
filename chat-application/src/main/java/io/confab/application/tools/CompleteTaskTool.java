package io.confab.application.tools;

import io.confab.domain.UserId;
import io.confab.domain.json.JsonValue;
import io.confab.domain.port.TaskRepository;
import io.confab.domain.tool.ToolDefinition;
import io.confab.domain.tool.ToolProgress;
import io.confab.domain.tool.ToolResult;
import java.time.Clock;

/** {@code complete_task}: marks a task done, or reopens it with {@code completed: false}. */
final class CompleteTaskTool extends TaskTool {

    private static final ToolDefinition DEFINITION = new ToolDefinition("complete_task",
            "Mark one of the user's tasks as done (or as not done with completed=false).",
            schemaWithTaskId(JsonSchema.object("task_id")
                    .bool("completed", "true to mark done (default), false to reopen")),
            "Completing a task…");

    CompleteTaskTool(TaskRepository tasks, Clock clock) {
        super(DEFINITION, tasks, clock);
    }

    @Override
    ToolResult run(UserId user, JsonValue.Obj arguments, ToolProgress progress) {
        boolean completed = arguments.get("completed")
                .filter(JsonValue.Bool.class::isInstance)
                .map(value -> ((JsonValue.Bool) value).value())
                .orElse(true);
        return withTask(user, arguments, progress, task -> tasks.update(task.withCompleted(completed, clock.instant()))
                .map(done -> success(completed ? "Completed" : "Reopened", done)));
    }
}
