package io.confab.persistence;

import org.junit.jupiter.api.extension.RegisterExtension;

/** The JPA stores on PostgreSQL (tasks: the jOOQ store) pass the shared repository contracts. */
class JpaOnPostgresContractTest extends StoreContracts {

    @RegisterExtension
    static final StoresExtension STORES = new StoresExtension(Backend.JPA_POSTGRES);

    @Override
    StoresExtension stores() {
        return STORES;
    }
}
