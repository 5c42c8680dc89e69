package io.confab.persistence;

import io.confab.application.Stores;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Opens one backend's stores on a fresh database before a test class, and drops both after it.
 * Registered on an outer class, it is also called for each {@code @Nested} class: those share
 * the outer class's stores.
 */
final class StoresExtension implements BeforeAllCallback, AfterAllCallback {

    private final Backend backend;
    private Class<?> openedFor;
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
        if (openedFor != null) {
            return;
        }
        openedFor = context.getRequiredTestClass();
        database = backend.freshDatabase();
        stores = backend.open(database.settings());
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (context.getRequiredTestClass() != openedFor) {
            return;
        }
        openedFor = null;
        try {
            stores.close();
        } finally {
            database.close();
        }
    }
}
