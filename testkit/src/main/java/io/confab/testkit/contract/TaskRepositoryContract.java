package io.confab.testkit.contract;

import static io.confab.testkit.contract.Fixtures.at;
import static io.confab.testkit.contract.Fixtures.newUser;
import static org.assertj.core.api.Assertions.assertThat;

import io.confab.domain.Task;
import io.confab.domain.UserId;
import io.confab.domain.port.TaskFilter;
import io.confab.domain.port.TaskRepository;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link TaskRepository} must have. Tests use fresh random users, so one
 * database may serve every test.
 */
public abstract class TaskRepositoryContract {

    private TaskRepository repository;
    private final UserId alice = newUser();
    private final UserId bob = newUser();

    /** The repository under test; called before each test. */
    protected abstract TaskRepository taskRepository();

    @BeforeEach
    void setUpRepository() {
        repository = taskRepository();
    }

    @Test
    void add_storesAPendingTask_withEveryField() {
        Task added = repository.add(alice, "buy milk", "two litres", at(0));

        assertThat(added).isEqualTo(new Task(1, alice, "buy milk", "two litres", false, at(0), at(0)));
        assertThat(repository.find(alice, 1)).contains(added);
    }

    @Test
    void add_numbersEachUsersTasksFromOne() {
        repository.add(alice, "a1", "", at(0));
        repository.add(bob, "b1", "", at(1));
        Task second = repository.add(alice, "a2", "", at(2));

        assertThat(second.id()).isEqualTo(2);
        assertThat(repository.list(bob, TaskFilter.ALL)).extracting(Task::id).containsExactly(1L);
    }

    @Test
    void add_afterDeletingTheNewestTask_doesNotReuseItsId() {
        repository.add(alice, "first", "", at(0));
        repository.add(alice, "second", "", at(1));
        repository.delete(alice, 2);

        assertThat(repository.add(alice, "third", "", at(2)).id()).isEqualTo(3);
    }

    @Test
    void add_concurrentlyForOneUser_givesEveryTaskItsOwnId() throws Exception {
        Callable<Long> addOne = () -> repository.add(alice, "parallel", "", at(0)).id();
        List<Future<Long>> results = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
            for (int i = 0; i < 20; i++) {
                results.add(pool.submit(addOne));
            }
        }
        List<Long> ids = new ArrayList<>();
        for (Future<Long> result : results) {
            ids.add(result.get());
        }

        assertThat(ids).doesNotHaveDuplicates().hasSize(20);
        assertThat(repository.list(alice, TaskFilter.ALL)).hasSize(20);
    }

    @Test
    void list_returnsTheOwnersTasksByIdAscending_filteredByStatus() {
        Task first = repository.add(alice, "first", "", at(0));
        Task second = repository.add(alice, "second", "", at(1));
        Task third = repository.add(alice, "third", "", at(2));
        repository.add(bob, "bob's", "", at(3));
        Task done = repository.update(second.withCompleted(true, at(4))).orElseThrow();

        assertThat(repository.list(alice, TaskFilter.ALL)).containsExactly(first, done, third);
        assertThat(repository.list(alice, TaskFilter.PENDING)).containsExactly(first, third);
        assertThat(repository.list(alice, TaskFilter.COMPLETED)).containsExactly(done);
    }

    @Test
    void list_ofAUserWithoutTasks_isEmpty() {
        repository.add(alice, "mine", "", at(0));

        assertThat(repository.list(bob, TaskFilter.ALL)).isEmpty();
    }

    @Test
    void find_ofAnotherUsersTask_isEmpty() {
        repository.add(alice, "mine", "", at(0));

        assertThat(repository.find(bob, 1)).isEmpty();
    }

    @Test
    void update_savesTitleDescriptionCompletedAndUpdatedAt() {
        Task added = repository.add(alice, "draft", "", at(0));
        Task changed = added.withTitle("final", at(5)).withDescription("details", at(5)).withCompleted(true, at(5));

        assertThat(repository.update(changed)).contains(changed);
        assertThat(repository.find(alice, added.id())).contains(changed);
    }

    @Test
    void update_ofAnotherUsersTask_isEmpty_andChangesNothing() {
        Task alices = repository.add(alice, "mine", "", at(0));
        Task forged = new Task(alices.id(), bob, "hijacked", "", true, at(0), at(5));

        assertThat(repository.update(forged)).isEmpty();
        assertThat(repository.find(alice, alices.id())).contains(alices);
        assertThat(repository.find(bob, alices.id())).isEmpty();
    }

    @Test
    void update_onlyTouchesTheOwnersTaskWhenBothUsersHaveTheSameId() {
        Task alices = repository.add(alice, "alice's first", "", at(0));
        Task bobs = repository.add(bob, "bob's first", "", at(1));

        repository.update(bobs.withTitle("bob renamed", at(2)));

        assertThat(repository.find(alice, 1)).contains(alices);
    }

    @Test
    void delete_removesTheTask() {
        repository.add(alice, "doomed", "", at(0));

        assertThat(repository.delete(alice, 1)).isTrue();
        assertThat(repository.find(alice, 1)).isEmpty();
        assertThat(repository.delete(alice, 1)).isFalse();
    }

    @Test
    void eraseOwner_erasesTheOwnersTasksOnly_andIdsStartAgainAtOne() {
        repository.add(alice, "a1", "", at(0));
        repository.add(alice, "a2", "", at(1));
        Task bobs = repository.add(bob, "b1", "", at(2));

        assertThat(repository.eraseOwner(alice)).isEqualTo(2);

        assertThat(repository.list(alice, TaskFilter.ALL)).isEmpty();
        assertThat(repository.list(bob, TaskFilter.ALL)).containsExactly(bobs);
        assertThat(repository.eraseOwner(alice)).isZero();
        assertThat(repository.add(alice, "again", "", at(3)).id()).isEqualTo(1);
    }

    @Test
    void delete_ofAnotherUsersTask_isFalse_andKeepsIt() {
        Task alices = repository.add(alice, "mine", "", at(0));

        assertThat(repository.delete(bob, alices.id())).isFalse();
        assertThat(repository.find(alice, alices.id())).contains(alices);
    }
}
