package io.confab.application.tools;

import io.confab.domain.Task;
import io.confab.domain.UserId;
import io.confab.domain.json.JsonValue;
import io.confab.domain.port.TaskRepository;
import io.confab.domain.tool.ToolDefinition;
import io.confab.domain.tool.ToolProgress;
import io.confab.domain.tool.ToolResult;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/** {@code update_task}: changes a task's title and/or description. */
final class UpdateTaskTool extends TaskTool {

    private static final ToolDefinition DEFINITION = new ToolDefinition("update_task",
            "Change the title or description of one of the user's tasks.",
            schemaWithTaskId(JsonSchema.object("task_id")
                    .string("title", "The new title", 1, Task.MAX_TITLE_LENGTH)
                    .string("description", "The new description", 0, Task.MAX_DESCRIPTION_LENGTH)),
            "Updating a task…");

    UpdateTaskTool(TaskRepository tasks, Clock clock) {
        super(DEFINITION, tasks, clock);
    }

    @Override
    ToolResult run(UserId user, JsonValue.Obj arguments, ToolProgress progress) {
        Optional<String> title = arguments.string("title");
        Optional<String> description = arguments.string("description");
        if (title.isEmpty() && description.isEmpty()) {
            return new ToolResult.Failure("title or description: at least one is required");
        }
        Instant now = clock.instant();
        return withTask(user, arguments, progress, task -> {
            Task titled = title.map(t -> task.withTitle(t, now)).orElse(task);
            return tasks.update(description.map(d -> titled.withDescription(d, now)).orElse(titled))
                    .map(updated -> success("Updated", updated));
        });
    }
}
