package io.confab.llm.offline;

import static io.confab.domain.json.JsonValue.object;
import static io.confab.domain.json.JsonValue.of;

import io.confab.domain.json.JsonValue;
import io.confab.domain.model.ToolCallRequest;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The task tools' results as the tool contract defines them, over an in-memory list (a test fake). */
final class TaskToolsFake {

    private record Task(long id, String title, boolean completed) {
        JsonValue.Obj json() {
            return object("id", of(id), "title", of(title), "description", of(""), "completed", of(completed),
                    "created_at", of("2026-11-25T10:00:00Z"), "updated_at", of("2026-11-25T10:00:00Z"));
        }
    }

    private final Map<Long, Task> tasks = new TreeMap<>();
    private long nextId = 1;

    TaskToolsFake with(String title, boolean completed) {
        long id = nextId++;
        tasks.put(id, new Task(id, title, completed));
        return this;
    }

    List<String> titles() {
        return tasks.values().stream().map(t -> t.id() + (t.completed() ? " [x] " : " [ ] ") + t.title()).toList();
    }

    JsonValue run(ToolCallRequest call) {
        JsonValue.Obj args = (JsonValue.Obj) call.arguments();
        return switch (call.tool()) {
            case "add_task" -> {
                Task task = new Task(nextId++, args.string("title").orElseThrow(), false);
                tasks.put(task.id(), task);
                yield object("task", task.json());
            }
            case "list_tasks" -> {
                String status = args.string("status").orElse("all");
                List<JsonValue> found = new ArrayList<>();
                tasks.values().stream()
                        .filter(t -> status.equals("all") || t.completed() == status.equals("completed"))
                        .forEach(t -> found.add(t.json()));
                yield object("tasks", JsonValue.array(found), "count", of(found.size()));
            }
            case "complete_task" -> change(args, t -> new Task(t.id(), t.title(),
                    args.get("completed").map(c -> ((JsonValue.Bool) c).value()).orElse(true)), "task");
            case "update_task" -> change(args, t -> new Task(t.id(), args.string("title").orElse(t.title()), t.completed()),
                    "task");
            case "delete_task" -> {
                Task task = tasks.remove(id(args));
                yield task == null ? notFound(args) : object("deleted", task.json());
            }
            default -> object("error", of("Unknown tool \"" + call.tool() + "\""));
        };
    }

    private JsonValue change(JsonValue.Obj args, java.util.function.UnaryOperator<Task> update, String member) {
        Task task = tasks.get(id(args));
        if (task == null) {
            return notFound(args);
        }
        Task changed = update.apply(task);
        tasks.put(changed.id(), changed);
        return object(member, changed.json());
    }

    private static JsonValue notFound(JsonValue.Obj args) {
        return object("error", of("Task " + id(args) + " not found"));
    }

    private static long id(JsonValue.Obj args) {
        return args.get("task_id").map(v -> ((JsonValue.Num) v).value()).orElse(BigDecimal.ZERO).longValue();
    }
}
