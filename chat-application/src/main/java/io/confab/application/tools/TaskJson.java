package io.confab.application.tools;

import io.confab.domain.Task;
import io.confab.domain.json.JsonValue;

/** A task as tool results show it: {@code {"id","title","description","completed","created_at","updated_at"}}. */
final class TaskJson {

    private TaskJson() {
    }

    static JsonValue.Obj of(Task task) {
        return JsonValue.object(
                "id", JsonValue.of(task.id()),
                "title", JsonValue.of(task.title()),
                "description", JsonValue.of(task.description()),
                "completed", JsonValue.of(task.completed()),
                "created_at", JsonValue.of(task.createdAt().toString()),
                "updated_at", JsonValue.of(task.updatedAt().toString()));
    }
}
