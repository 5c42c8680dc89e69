package io.confab.application.memory;

import io.confab.application.contract.TurnLeasesContract;
import io.confab.domain.port.TurnLeases;

class InMemoryTurnLeasesTest extends TurnLeasesContract {

    @Override
    protected TurnLeases turnLeases() {
        return new InMemoryTurnLeases();
    }
}
