package io.confab.persistence;

import org.junit.jupiter.api.extension.RegisterExtension;

/** The JPA stores on H2 (tasks: the jOOQ store) pass the shared repository contracts. */
class JpaOnH2ContractTest extends StoreContracts {

    @RegisterExtension
    static final StoresExtension STORES = new StoresExtension(Backend.JPA_H2);

    @Override
    StoresExtension stores() {
        return STORES;
    }
}
