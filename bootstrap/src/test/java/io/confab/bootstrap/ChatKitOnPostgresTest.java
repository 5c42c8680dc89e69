package io.confab.bootstrap;

/** The ChatKit protocol on PostgreSQL (CONFAB_TEST_PG_URL, or an embedded server). */
class ChatKitOnPostgresTest extends ChatKitContract {

    ChatKitOnPostgresTest() {
        super(ServerDatabase.POSTGRES);
    }
}
