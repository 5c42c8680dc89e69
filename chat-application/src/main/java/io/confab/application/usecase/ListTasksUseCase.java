package io.confab.application.usecase;

import io.confab.domain.Task;
import io.confab.domain.UserId;
import io.confab.domain.port.TaskFilter;
import java.util.List;

/** Lists the tasks the built-in tools manage for a user. */
public interface ListTasksUseCase {

    List<Task> list(UserId owner, TaskFilter filter);
}
