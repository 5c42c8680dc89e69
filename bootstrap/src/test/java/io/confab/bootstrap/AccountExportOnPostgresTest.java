package io.confab.bootstrap;

/** The account export on PostgreSQL (CONFAB_TEST_PG_URL, or an embedded server). */
class AccountExportOnPostgresTest extends AccountExportContract {

    AccountExportOnPostgresTest() {
        super(ServerDatabase.POSTGRES);
    }
}
