package io.confab.bootstrap;

import java.util.Map;

/** The black-box contract on the default database: an H2 file in the data directory. */
class H2ServerTest extends ServerContract {

    @Override
    Map<String, String> database() {
        return Map.of();
    }
}
