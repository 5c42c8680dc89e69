package io.confab.persistence;

import org.junit.jupiter.api.extension.RegisterExtension;

/** The jOOQ stores on PostgreSQL pass the shared repository contracts. */
class JooqOnPostgresContractTest extends StoreContracts {

    @RegisterExtension
    static final StoresExtension STORES = new StoresExtension(Backend.JOOQ_POSTGRES);

    @Override
    StoresExtension stores() {
        return STORES;
    }
}
