package io.confab.bootstrap;

import io.confab.persistence.TestPostgres;
import java.util.Map;

/** The database a black-box test class runs its server on. */
enum ServerDatabase {
    /** The default: an H2 file in the server's data directory, gone with it. */
    H2 {
        @Override
        Map<String, String> open() {
            return Map.of();
        }

        @Override
        void drop(Map<String, String> settings) {
        }
    },
    /** A fresh PostgreSQL database (CONFAB_TEST_PG_URL, or an embedded server), dropped afterwards. */
    POSTGRES {
        @Override
        Map<String, String> open() {
            return Map.of("CONFAB_DB_URL", TestPostgres.freshDatabaseUrl());
        }

        @Override
        void drop(Map<String, String> settings) {
            TestPostgres.drop(settings.get("CONFAB_DB_URL"));
        }
    };

    /** A new empty database: the server's CONFAB_DB_* settings for it. */
    abstract Map<String, String> open();

    abstract void drop(Map<String, String> settings);
}
