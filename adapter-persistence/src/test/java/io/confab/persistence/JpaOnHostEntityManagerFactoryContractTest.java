package io.confab.persistence;

import org.junit.jupiter.api.extension.RegisterExtension;

/** The JPA stores on a host application's own EntityManagerFactory (H2) pass the shared repository contracts. */
class JpaOnHostEntityManagerFactoryContractTest extends StoreContracts {

    @RegisterExtension
    static final StoresExtension STORES = new StoresExtension(Backend.JPA_HOSTED_H2);

    @Override
    StoresExtension stores() {
        return STORES;
    }
}
