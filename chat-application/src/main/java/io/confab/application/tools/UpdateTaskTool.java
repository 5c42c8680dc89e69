package io.confab.application.tools;

import io.confab.domain.Task;
import io.confab.domain.UserId;
import io.confab.domain.json.JsonValue;
import io.confab.domain.port.TaskRepository;
import io.confab.domain.tool.ToolDefinition;
import io.confab.domain.tool.ToolResult;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/** {@code update_task}: changes a task's title and/or description. */
final class UpdateTaskTool implements TaskTool {

    private static final ToolDefinition DEFINITION = new ToolDefinition("update_task",
            "Change the title or description of one of the user's tasks.",
            TaskTool.schemaWithTaskId(JsonSchema.object("task_id")
                    .string("title", "The new title", 1, Task.MAX_TITLE_LENGTH)
                    .string("description", "The new description", 0, Task.MAX_DESCRIPTION_LENGTH)),
            "Updating a task…");

    private final TaskRepository tasks;
    private final Clock clock;

    UpdateTaskTool(TaskRepository tasks, Clock clock) {
        this.tasks = tasks;
        this.clock = clock;
    }

    @Override
    public ToolDefinition definition() {
        return DEFINITION;
    }

    @Override
    public ToolResult run(UserId user, JsonValue.Obj arguments) {
        Optional<String> title = arguments.string("title");
        Optional<String> description = arguments.string("description");
        if (title.isEmpty() && description.isEmpty()) {
            return new ToolResult.Failure("title or description: at least one is required");
        }
        long id = TaskTool.taskId(arguments);
        Instant now = clock.instant();
        return tasks.find(user, id)
                .map(task -> title.map(t -> task.withTitle(t, now)).orElse(task))
                .map(task -> description.map(d -> task.withDescription(d, now)).orElse(task))
                .flatMap(tasks::update)
                .<ToolResult>map(task -> new ToolResult.Success(JsonValue.object("task", TaskJson.of(task)),
                        "Updated task " + task.id() + ": " + task.title()))
                .orElseGet(() -> TaskTool.notFound(id));
    }
}
