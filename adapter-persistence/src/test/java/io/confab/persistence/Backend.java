package io.confab.persistence;

import io.confab.application.Stores;
import java.nio.file.Path;
import java.util.function.Function;

/** Each store adapter on each database: what the shared contract suites run against. */
enum Backend {
    JOOQ_H2(JooqStores::open, false),
    JOOQ_POSTGRES(JooqStores::open, true),
    JPA_H2(JpaStores::open, false),
    JPA_POSTGRES(JpaStores::open, true),
    JOOQ_HOSTED_POSTGRES(HostApplication::jooq, true),
    JPA_HOSTED_H2(HostApplication::jpa, false);

    private final Function<StoreSettings, Stores> opener;
    private final boolean postgres;

    Backend(Function<StoreSettings, Stores> opener, boolean postgres) {
        this.opener = opener;
        this.postgres = postgres;
    }

    Stores open(StoreSettings settings) {
        return opener.apply(settings);
    }

    /** A new empty database: in memory for H2. */
    TestDatabase freshDatabase() {
        return postgres ? TestDatabase.postgres() : TestDatabase.h2();
    }

    /** A new empty database that outlives its pool: a file in {@code directory} for H2. */
    TestDatabase freshDurableDatabase(Path directory) {
        return postgres ? TestDatabase.postgres() : TestDatabase.h2File(directory.resolve("confab"));
    }
}
