package io.confab.application.tools;

import io.confab.domain.UserId;
import io.confab.domain.json.JsonValue;
import io.confab.domain.tool.ToolDefinition;
import io.confab.domain.tool.ToolResult;

/** One built-in task tool: its definition, and what it does with arguments already validated. */
interface TaskTool {

    ToolDefinition definition();

    /** Runs for {@code user} (always the authenticated one); {@code arguments} fit the schema. */
    ToolResult run(UserId user, JsonValue.Obj arguments);

    /** The "Task 9 not found" failure, also for another user's task: existence is not revealed. */
    static ToolResult notFound(long id) {
        return new ToolResult.Failure("Task " + id + " not found");
    }

    static long taskId(JsonValue.Obj arguments) {
        return ((JsonValue.Num) arguments.get("task_id").orElseThrow()).value().longValueExact();
    }

    static JsonValue.Obj schemaWithTaskId(JsonSchema schema) {
        return schema.integer("task_id", "The task's number, as shown to the user", 1).build();
    }
}
