package io.confab.application.memory;

import io.confab.domain.Task;
import io.confab.domain.UserId;
import io.confab.domain.port.TaskFilter;
import io.confab.domain.port.TaskRepository;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Each user's tasks by id, for ephemeral use and tests; thread-safe (one monitor). */
public final class InMemoryTaskRepository implements TaskRepository {

    private final Map<UserId, TreeMap<Long, Task>> byOwner = new HashMap<>();
    private final Map<UserId, Long> highestIds = new HashMap<>();

    @Override
    public synchronized Task add(UserId owner, String title, String description, Instant now) {
        long id = highestIds.merge(owner, 1L, Long::sum);
        Task task = new Task(id, owner, title, description, false, now, now);
        tasks(owner).put(id, task);
        return task;
    }

    @Override
    public synchronized List<Task> list(UserId owner, TaskFilter filter) {
        return tasks(owner).values().stream()
                .filter(task -> switch (filter) {
                    case ALL -> true;
                    case PENDING -> !task.completed();
                    case COMPLETED -> task.completed();
                })
                .toList();
    }

    @Override
    public synchronized Optional<Task> find(UserId owner, long id) {
        return Optional.ofNullable(tasks(owner).get(id));
    }

    @Override
    public synchronized Optional<Task> update(Task task) {
        return find(task.owner(), task.id()).map(stored -> {
            Task saved = new Task(stored.id(), stored.owner(), task.title(), task.description(), task.completed(),
                    stored.createdAt(), task.updatedAt());
            tasks(task.owner()).put(saved.id(), saved);
            return saved;
        });
    }

    @Override
    public synchronized boolean delete(UserId owner, long id) {
        return tasks(owner).remove(id) != null;
    }

    @Override
    public synchronized long eraseOwner(UserId owner) {
        highestIds.remove(owner);
        TreeMap<Long, Task> erased = byOwner.remove(owner);
        return erased == null ? 0 : erased.size();
    }

    private TreeMap<Long, Task> tasks(UserId owner) {
        return byOwner.computeIfAbsent(owner, o -> new TreeMap<>());
    }
}
