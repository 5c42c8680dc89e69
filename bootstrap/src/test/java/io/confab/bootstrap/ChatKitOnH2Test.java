package io.confab.bootstrap;

/** The ChatKit protocol on the default database: an H2 file. */
class ChatKitOnH2Test extends ChatKitContract {

    ChatKitOnH2Test() {
        super(ServerDatabase.H2);
    }
}
