package io.confab.bootstrap;

/** The tool-call audit black-box on the default database: an H2 file in the data directory. */
class AuditOnH2Test extends AuditServerContract {

    AuditOnH2Test() {
        super(ServerDatabase.H2);
    }
}
