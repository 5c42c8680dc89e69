package io.confab.persistence;

import org.junit.jupiter.api.extension.RegisterExtension;

/** The jOOQ stores on a host application's own pool (PostgreSQL) pass the shared repository contracts. */
class JooqOnHostDataSourceContractTest extends StoreContracts {

    @RegisterExtension
    static final StoresExtension STORES = new StoresExtension(Backend.JOOQ_HOSTED_POSTGRES);

    @Override
    StoresExtension stores() {
        return STORES;
    }
}
