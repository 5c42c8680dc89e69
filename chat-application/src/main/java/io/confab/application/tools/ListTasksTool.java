package io.confab.application.tools;

import io.confab.domain.Task;
import io.confab.domain.UserId;
import io.confab.domain.json.JsonValue;
import io.confab.domain.port.TaskFilter;
import io.confab.domain.port.TaskRepository;
import io.confab.domain.tool.ToolDefinition;
import io.confab.domain.tool.ToolProgress;
import io.confab.domain.tool.ToolResult;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** {@code list_tasks}: the user's tasks, all, pending or completed; reports how many it found ("Found 3 tasks", count 3). */
final class ListTasksTool extends TaskTool {

    private static final ToolDefinition DEFINITION = new ToolDefinition("list_tasks",
            "List the user's tasks.",
            JsonSchema.object()
                    .enumeration("status", "Which tasks to list (default all)",
                            Arrays.stream(TaskFilter.values()).map(TaskFilter::wireName).toList())
                    .build(),
            "Searching tasks…");

    ListTasksTool(TaskRepository tasks, Clock clock) {
        super(DEFINITION, tasks, clock);
    }

    @Override
    ToolResult run(UserId user, JsonValue.Obj arguments, ToolProgress progress) {
        TaskFilter filter = arguments.string("status").map(TaskFilter::fromWire).orElse(TaskFilter.ALL);
        List<Task> found = tasks.list(user, filter);
        progress.report(summary(found.size()), Optional.of((long) found.size()));
        JsonValue result = JsonValue.object(
                "tasks", JsonValue.array(found.stream().map(TaskJson::of).toList()),
                "count", JsonValue.of(found.size()));
        return new ToolResult.Success(result, summary(found.size()));
    }

    private static String summary(int count) {
        return switch (count) {
            case 0 -> "No tasks found";
            case 1 -> "Found 1 task";
            default -> "Found " + count + " tasks";
        };
    }
}
