package io.confab.application.tools;

import io.confab.domain.Task;
import io.confab.domain.UserId;
import io.confab.domain.json.JsonValue;
import io.confab.domain.port.TaskRepository;
import io.confab.domain.tool.ToolDefinition;
import io.confab.domain.tool.ToolProgress;
import io.confab.domain.tool.ToolResult;
import java.time.Clock;

/** {@code add_task}: stores a new pending task. */
final class AddTaskTool extends TaskTool {

    private static final ToolDefinition DEFINITION = new ToolDefinition("add_task",
            "Add a task to the user's to-do list.",
            JsonSchema.object("title")
                    .string("title", "What to do", 1, Task.MAX_TITLE_LENGTH)
                    .string("description", "Optional details", 0, Task.MAX_DESCRIPTION_LENGTH)
                    .build(),
            "Adding a task…");

    AddTaskTool(TaskRepository tasks, Clock clock) {
        super(DEFINITION, tasks, clock);
    }

    @Override
    ToolResult run(UserId user, JsonValue.Obj arguments, ToolProgress progress) {
        Task task = tasks.add(user, arguments.string("title").orElseThrow(),
                arguments.string("description").orElse(""), clock.instant());
        return success("Added", task);
    }
}
