package io.confab.bootstrap;

/** The tool-call audit black-box on PostgreSQL (CONFAB_TEST_PG_URL, or an embedded server). */
class AuditOnPostgresTest extends AuditServerContract {

    AuditOnPostgresTest() {
        super(ServerDatabase.POSTGRES);
    }
}
