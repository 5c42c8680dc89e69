package io.confab.application.memory;

import io.confab.domain.port.TaskRepository;
import io.confab.testkit.contract.TaskRepositoryContract;

/** The in-memory task store passes the shared contract. */
class InMemoryTaskRepositoryTest extends TaskRepositoryContract {

    @Override
    protected TaskRepository taskRepository() {
        return new InMemoryTaskRepository();
    }
}
