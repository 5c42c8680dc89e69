package io.confab.persistence;

import java.util.UUID;

/** Fresh H2 databases for tests. */
final class TestH2 {

    private TestH2() {
    }

    /** A new in-memory database, gone when its pool closes. */
    static StoreSettings freshInMemory() {
        return StoreSettings.of("jdbc:h2:mem:confab_" + UUID.randomUUID(), "sa", "").withPoolSize(4);
    }
}
