package io.confab.bootstrap;

/** The account export on the default database: an H2 file. */
class AccountExportOnH2Test extends AccountExportContract {

    AccountExportOnH2Test() {
        super(ServerDatabase.H2);
    }
}
