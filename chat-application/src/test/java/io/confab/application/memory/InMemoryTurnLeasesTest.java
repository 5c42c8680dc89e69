package io.confab.application.memory;

import io.confab.domain.port.TurnLeases;
import io.confab.testkit.contract.TurnLeasesContract;

class InMemoryTurnLeasesTest extends TurnLeasesContract {

    @Override
    protected TurnLeases turnLeases() {
        return new InMemoryTurnLeases();
    }
}
