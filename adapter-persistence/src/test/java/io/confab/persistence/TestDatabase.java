package io.confab.persistence;

import java.nio.file.Path;
import java.util.UUID;

/** An empty database for one test class: where it is, and how to get rid of it. */
interface TestDatabase extends AutoCloseable {

    StoreSettings settings();

    @Override
    void close();

    /** A new in-memory H2 database, gone when the last pooled connection closes. */
    static TestDatabase h2() {
        return nothingToDrop(StoreSettings.of("jdbc:h2:mem:confab_" + UUID.randomUUID(), "sa", "").withPoolSize(4));
    }

    /** An H2 database in a file ({@code path} without extension), left for the test's temporary folder to remove. */
    static TestDatabase h2File(Path path) {
        return nothingToDrop(StoreSettings.h2File(path).withPoolSize(4));
    }

    private static TestDatabase nothingToDrop(StoreSettings settings) {
        return new TestDatabase() {
            @Override
            public StoreSettings settings() {
                return settings;
            }

            @Override
            public void close() {
                // nothing to drop
            }
        };
    }

    /** A new database on the tests' PostgreSQL server, dropped on close. */
    static TestDatabase postgres() {
        return TestPostgres.freshDatabase();
    }
}
