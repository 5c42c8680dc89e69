package io.confab.llm.offline;

import io.confab.domain.json.JsonValue;
import java.util.ArrayList;
import java.util.List;

/** The built-in task tools as the offline model calls them (see the tool contract in docs/llm.md). */
final class Tools {

    static final String ADD = "add_task";
    static final String LIST = "list_tasks";
    static final String UPDATE = "update_task";
    static final String COMPLETE = "complete_task";
    static final String DELETE = "delete_task";

    /** A task as tool results carry it. */
    record TaskView(long id, String title, boolean completed) {

        static TaskView from(JsonValue value) {
            JsonValue.Obj task = value instanceof JsonValue.Obj obj ? obj : JsonValue.Obj.empty();
            long id = task.get("id").filter(JsonValue.Num.class::isInstance)
                    .map(n -> ((JsonValue.Num) n).value().longValue()).orElse(0L);
            boolean completed = task.get("completed").filter(JsonValue.Bool.class::isInstance)
                    .map(b -> ((JsonValue.Bool) b).value()).orElse(false);
            return new TaskView(id, task.string("title").orElse(""), completed);
        }
    }

    private Tools() {
    }

    /** The task inside a result such as {@code {"task": {...}}} or {@code {"deleted": {...}}}. */
    static TaskView task(JsonValue result, String member) {
        return result instanceof JsonValue.Obj obj
                ? TaskView.from(obj.get(member).orElse(JsonValue.Obj.empty()))
                : TaskView.from(JsonValue.Obj.empty());
    }

    /** The tasks of a list_tasks result. */
    static List<TaskView> tasks(JsonValue result) {
        List<TaskView> tasks = new ArrayList<>();
        if (result instanceof JsonValue.Obj obj && obj.get("tasks").orElse(null) instanceof JsonValue.Arr array) {
            array.elements().forEach(element -> tasks.add(TaskView.from(element)));
        }
        return tasks;
    }
}
