package io.confab.bootstrap;

/** The black-box contract on PostgreSQL (CONFAB_TEST_PG_URL, or an embedded server). */
class PostgresServerTest extends ServerContract {

    PostgresServerTest() {
        super(ServerDatabase.POSTGRES);
    }
}
