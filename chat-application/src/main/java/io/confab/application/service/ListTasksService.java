package io.confab.application.service;

import io.confab.application.usecase.ListTasksUseCase;
import io.confab.domain.Task;
import io.confab.domain.UserId;
import io.confab.domain.port.TaskFilter;
import io.confab.domain.port.TaskRepository;
import java.util.List;

/** Lists the tasks the built-in tools manage for the user. */
public final class ListTasksService implements ListTasksUseCase {

    private final TaskRepository tasks;

    public ListTasksService(TaskRepository tasks) {
        this.tasks = tasks;
    }

    @Override
    public List<Task> list(UserId owner, TaskFilter filter) {
        return tasks.list(owner, filter);
    }
}
