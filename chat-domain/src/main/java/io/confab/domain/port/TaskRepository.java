package io.confab.domain.port;

import io.confab.domain.Task;
import io.confab.domain.UserId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Stores each user's tasks; a task is identified by (owner, id), ids counting from 1 per user. */
public interface TaskRepository {

    /** Stores a new pending task with the owner's next id (1 + the highest id they ever had). */
    Task add(UserId owner, String title, String description, Instant now);

    /** The owner's tasks, by id ascending. */
    List<Task> list(UserId owner, TaskFilter filter);

    Optional<Task> find(UserId owner, long id);

    /** Saves title, description, completed and updated_at; empty when the owner has no such task. */
    Optional<Task> update(Task task);

    /** Removes the owner's task; false when there was none. */
    boolean delete(UserId owner, long id);

    /** Erases all the owner's tasks and their id counter (a later add starts again at 1); answers how many tasks. */
    long eraseOwner(UserId owner);
}
