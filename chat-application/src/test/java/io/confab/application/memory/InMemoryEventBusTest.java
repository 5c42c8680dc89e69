package io.confab.application.memory;

import io.confab.application.contract.EventBusContract;
import io.confab.domain.port.EventBus;

/** The in-process event bus passes the shared contract. */
class InMemoryEventBusTest extends EventBusContract {

    @Override
    protected EventBus eventBus() {
        return new InMemoryEventBus();
    }
}
