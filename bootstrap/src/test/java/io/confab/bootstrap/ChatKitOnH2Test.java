package io.confab.bootstrap;

import java.util.Map;

/** The ChatKit protocol on the default database: an H2 file. */
class ChatKitOnH2Test extends ChatKitContract {

    @Override
    Map<String, String> database() {
        return Map.of();
    }
}
