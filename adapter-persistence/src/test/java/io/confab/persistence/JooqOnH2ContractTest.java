package io.confab.persistence;

import org.junit.jupiter.api.extension.RegisterExtension;

/** The jOOQ stores on H2 pass the shared repository contracts. */
class JooqOnH2ContractTest extends StoreContracts {

    @RegisterExtension
    static final StoresExtension STORES = new StoresExtension(Backend.JOOQ_H2);

    @Override
    StoresExtension stores() {
        return STORES;
    }
}
