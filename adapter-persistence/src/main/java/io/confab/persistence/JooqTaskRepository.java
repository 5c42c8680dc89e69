package io.confab.persistence;

import static io.confab.persistence.schema.Tables.TASKS;
import static io.confab.persistence.schema.Tables.TASK_COUNTERS;

import io.confab.domain.Task;
import io.confab.domain.UserId;
import io.confab.domain.port.TaskFilter;
import io.confab.domain.port.TaskRepository;
import io.confab.persistence.schema.tables.records.TasksRecord;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * Tasks keyed by (owner, id). Ids come from a per-user counter row: the update that takes the
 * next id locks the row, so concurrent adds of one user queue up and never reuse an id, even one
 * whose task was deleted.
 */
final class JooqTaskRepository implements TaskRepository {

    private static final int ATTEMPTS = 3;

    private final DSLContext dsl;

    JooqTaskRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    @Override
    public Task add(UserId owner, String title, String description, Instant now) {
        for (int attempt = 1; ; attempt++) {
            try {
                return dsl.transactionResult(transaction -> addIn(transaction.dsl(), owner, title, description, now));
            } catch (RuntimeException e) {
                // two first-ever adds of one user may both create the counter row on H2
                if (attempt == ATTEMPTS || !SqlFailures.isUniqueViolation(e)) {
                    throw e;
                }
            }
        }
    }

    private static Task addIn(DSLContext transaction, UserId owner, String title, String description, Instant now) {
        transaction.insertInto(TASK_COUNTERS)
                .set(TASK_COUNTERS.OWNER, owner.value())
                .set(TASK_COUNTERS.LAST_ID, 0L)
                .onConflictDoNothing()
                .execute();
        long id = transaction.update(TASK_COUNTERS)
                .set(TASK_COUNTERS.LAST_ID, TASK_COUNTERS.LAST_ID.plus(1))
                .where(TASK_COUNTERS.OWNER.eq(owner.value()))
                .returningResult(TASK_COUNTERS.LAST_ID)
                .fetchSingle()
                .value1();
        Task task = new Task(id, owner, title, description, false, now, now);
        transaction.insertInto(TASKS)
                .set(toRecord(task))
                .execute();
        return task;
    }

    @Override
    public List<Task> list(UserId owner, TaskFilter filter) {
        return dsl.selectFrom(TASKS)
                .where(TASKS.OWNER.eq(owner.value()))
                .and(matching(filter))
                .orderBy(TASKS.ID)
                .fetch(JooqTaskRepository::toDomain);
    }

    @Override
    public Optional<Task> find(UserId owner, long id) {
        return dsl.selectFrom(TASKS)
                .where(TASKS.OWNER.eq(owner.value()))
                .and(TASKS.ID.eq(id))
                .fetchOptional(JooqTaskRepository::toDomain);
    }

    @Override
    public Optional<Task> update(Task task) {
        return dsl.update(TASKS)
                .set(TASKS.TITLE, task.title())
                .set(TASKS.DESCRIPTION, task.description())
                .set(TASKS.COMPLETED, task.completed())
                .set(TASKS.UPDATED_AT, task.updatedAt())
                .where(TASKS.OWNER.eq(task.owner().value()))
                .and(TASKS.ID.eq(task.id()))
                .returning()
                .fetchOptional(JooqTaskRepository::toDomain);
    }

    @Override
    public boolean delete(UserId owner, long id) {
        return dsl.deleteFrom(TASKS)
                .where(TASKS.OWNER.eq(owner.value()))
                .and(TASKS.ID.eq(id))
                .execute() == 1;
    }

    /** One transaction: a user's tasks are few (the tools add them one by one). */
    @Override
    public long eraseOwner(UserId owner) {
        return dsl.transactionResult(transaction -> {
            int erased = transaction.dsl().deleteFrom(TASKS).where(TASKS.OWNER.eq(owner.value())).execute();
            transaction.dsl().deleteFrom(TASK_COUNTERS).where(TASK_COUNTERS.OWNER.eq(owner.value())).execute();
            return (long) erased;
        });
    }

    private static Condition matching(TaskFilter filter) {
        return switch (filter) {
            case ALL -> DSL.noCondition();
            case PENDING -> TASKS.COMPLETED.isFalse();
            case COMPLETED -> TASKS.COMPLETED.isTrue();
        };
    }

    private static TasksRecord toRecord(Task task) {
        return new TasksRecord(task.owner().value(), task.id(), task.title(), task.description(), task.completed(),
                task.createdAt(), task.updatedAt());
    }

    private static Task toDomain(TasksRecord row) {
        return new Task(row.getId(), new UserId(row.getOwner()), row.getTitle(), row.getDescription(),
                row.getCompleted(), row.getCreatedAt(), row.getUpdatedAt());
    }
}
