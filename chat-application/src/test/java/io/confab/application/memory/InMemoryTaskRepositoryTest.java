package io.confab.application.memory;

import io.confab.application.contract.TaskRepositoryContract;
import io.confab.domain.port.TaskRepository;

/** The in-memory task store passes the shared contract. */
class InMemoryTaskRepositoryTest extends TaskRepositoryContract {

    @Override
    protected TaskRepository taskRepository() {
        return new InMemoryTaskRepository();
    }
}
