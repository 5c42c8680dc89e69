package io.confab.llm;

import static io.confab.domain.json.JsonValue.array;
import static io.confab.domain.json.JsonValue.object;
import static io.confab.domain.json.JsonValue.of;

import io.confab.domain.json.JsonValue;
import io.confab.domain.tool.ToolDefinition;
import java.util.List;

/** The built-in task tools' definitions as the agent loop offers them (schemas per the tool contract). */
public final class TaskToolDefinitions {

    private TaskToolDefinitions() {
    }

    public static List<ToolDefinition> all() {
        JsonValue.Obj taskId = object("type", of("integer"), "minimum", of(1));
        return List.of(
                tool("add_task", "Add a task", "Adding a task…",
                        object("title", object("type", of("string"), "minLength", of(1), "maxLength", of(500)),
                                "description", object("type", of("string"), "maxLength", of(2000))),
                        "title"),
                tool("list_tasks", "List tasks", "Searching tasks…",
                        object("status", object("type", of("string"),
                                "enum", array(List.of(of("all"), of("pending"), of("completed")))))),
                tool("update_task", "Update a task", "Updating a task…",
                        object("task_id", taskId, "title", object("type", of("string")),
                                "description", object("type", of("string"))),
                        "task_id"),
                tool("complete_task", "Complete or reopen a task", "Completing a task…",
                        object("task_id", taskId, "completed", object("type", of("boolean"))), "task_id"),
                tool("delete_task", "Delete a task", "Deleting a task…", object("task_id", taskId), "task_id"));
    }

    private static ToolDefinition tool(String name, String description, String activity, JsonValue.Obj properties,
                                       String... required) {
        return new ToolDefinition(name, description, object(
                "type", of("object"),
                "properties", properties,
                "required", array(java.util.Arrays.stream(required).map(JsonValue::of).toList()),
                "additionalProperties", of(false)), activity);
    }
}
