package io.confab.persistence;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/** Opens one backend's stores on a fresh database before a test class, and drops both after it. */
final class StoresExtension implements BeforeAllCallback, AfterAllCallback {

    private final Backend backend;
    private TestDatabase database;
    private Stores stores;

    StoresExtension(Backend backend) {
        this.backend = backend;
    }

    Stores stores() {
        return stores;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        database = backend.freshDatabase();
        stores = backend.open(database.settings());
    }

    @Override
    public void afterAll(ExtensionContext context) {
        try {
            stores.close();
        } finally {
            database.close();
        }
    }
}
