package io.confab.persistence;

import static io.confab.persistence.SqlFailures.guard;

import io.confab.domain.Task;
import io.confab.domain.UserId;
import io.confab.domain.port.TaskFilter;
import io.confab.domain.port.TaskRepository;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Reports a lost database as {@code StoreUnavailableException} around any task store. */
record GuardedTaskRepository(TaskRepository store) implements TaskRepository {

    @Override
    public Task add(UserId owner, String title, String description, Instant now) {
        return guard(() -> store.add(owner, title, description, now));
    }

    @Override
    public List<Task> list(UserId owner, TaskFilter filter) {
        return guard(() -> store.list(owner, filter));
    }

    @Override
    public Optional<Task> find(UserId owner, long id) {
        return guard(() -> store.find(owner, id));
    }

    @Override
    public Optional<Task> update(Task task) {
        return guard(() -> store.update(task));
    }

    @Override
    public boolean delete(UserId owner, long id) {
        return guard(() -> store.delete(owner, id));
    }

    @Override
    public long eraseOwner(UserId owner) {
        return guard(() -> store.eraseOwner(owner));
    }
}
