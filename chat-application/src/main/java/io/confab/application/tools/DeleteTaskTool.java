package io.confab.application.tools;

import io.confab.domain.UserId;
import io.confab.domain.json.JsonValue;
import io.confab.domain.port.TaskRepository;
import io.confab.domain.tool.ToolDefinition;
import io.confab.domain.tool.ToolResult;

/** {@code delete_task}: removes one of the user's tasks. */
final class DeleteTaskTool implements TaskTool {

    private static final ToolDefinition DEFINITION = new ToolDefinition("delete_task",
            "Delete one of the user's tasks.",
            TaskTool.schemaWithTaskId(JsonSchema.object("task_id")),
            "Deleting a task…");

    private final TaskRepository tasks;

    DeleteTaskTool(TaskRepository tasks) {
        this.tasks = tasks;
    }

    @Override
    public ToolDefinition definition() {
        return DEFINITION;
    }

    @Override
    public ToolResult run(UserId user, JsonValue.Obj arguments) {
        long id = TaskTool.taskId(arguments);
        return tasks.find(user, id)
                .filter(task -> tasks.delete(user, id))
                .<ToolResult>map(task -> new ToolResult.Success(JsonValue.object("deleted", TaskJson.of(task)),
                        "Deleted task " + task.id() + ": " + task.title()))
                .orElseGet(() -> TaskTool.notFound(id));
    }
}
