package io.confab.application.memory;

import io.confab.domain.port.EventBus;
import io.confab.testkit.contract.EventBusContract;

/** The in-process event bus passes the shared contract. */
class InMemoryEventBusTest extends EventBusContract {

    @Override
    protected EventBus eventBus() {
        return new InMemoryEventBus();
    }
}
