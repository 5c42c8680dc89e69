package io.confab.persistence;

import java.util.function.Function;
import java.util.function.Supplier;

/** Each store adapter on each database: what the shared contract suites run against. */
enum Backend {
    JOOQ_H2(JooqStores::open, TestDatabase::h2),
    JOOQ_POSTGRES(JooqStores::open, TestDatabase::postgres),
    JPA_H2(JpaStores::open, TestDatabase::h2),
    JPA_POSTGRES(JpaStores::open, TestDatabase::postgres);

    private final Function<StoreSettings, Stores> opener;
    private final Supplier<TestDatabase> database;

    Backend(Function<StoreSettings, Stores> opener, Supplier<TestDatabase> database) {
        this.opener = opener;
        this.database = database;
    }

    Stores open(StoreSettings settings) {
        return opener.apply(settings);
    }

    TestDatabase freshDatabase() {
        return database.get();
    }
}
