package io.confab.application.tools;

import io.confab.domain.UserId;
import io.confab.domain.json.JsonValue;
import io.confab.domain.port.TaskRepository;
import io.confab.domain.tool.ToolDefinition;
import io.confab.domain.tool.ToolProgress;
import io.confab.domain.tool.ToolResult;
import java.time.Clock;
import java.util.Optional;

/** {@code delete_task}: removes one of the user's tasks. */
final class DeleteTaskTool extends TaskTool {

    private static final ToolDefinition DEFINITION = new ToolDefinition("delete_task",
            "Delete one of the user's tasks.",
            schemaWithTaskId(JsonSchema.object("task_id")),
            "Deleting a task…");

    DeleteTaskTool(TaskRepository tasks, Clock clock) {
        super(DEFINITION, tasks, clock);
    }

    @Override
    ToolResult run(UserId user, JsonValue.Obj arguments, ToolProgress progress) {
        return withTask(user, arguments, progress, task -> tasks.delete(user, task.id())
                ? Optional.of(success("Deleted", "deleted", task))
                : Optional.empty());
    }
}
