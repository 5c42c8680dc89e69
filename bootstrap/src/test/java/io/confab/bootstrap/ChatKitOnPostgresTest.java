package io.confab.bootstrap;

import io.confab.persistence.TestPostgres;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;

/** The ChatKit protocol on PostgreSQL (CONFAB_TEST_PG_URL, or an embedded server). */
class ChatKitOnPostgresTest extends ChatKitContract {

    private final String url = TestPostgres.freshDatabaseUrl();

    @Override
    Map<String, String> database() {
        return Map.of("CONFAB_DB_URL", url);
    }

    @AfterAll
    void dropDatabase() {
        stopServer();
        TestPostgres.drop(url);
    }
}
