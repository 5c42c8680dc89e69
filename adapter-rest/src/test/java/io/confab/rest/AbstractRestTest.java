package io.confab.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;

/** What the REST API tests share: stubbed use cases, the server a test starts over them, JSON and the API path. */
abstract class AbstractRestTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String CONVERSATIONS = "/api/v1/chat/conversations";

    final Stubs stubs = new Stubs();
    RestServer server;

    /** Starts the API over {@link #stubs}, with {@code customize} applied to its builder; stopped after the test. */
    RestServer startServer(Consumer<RestApi.Builder> customize) {
        server = RestServer.start(stubs, customize);
        return server;
    }

    @AfterEach
    void stopServer() {
        if (server != null) {
            server.close();
        }
    }
}
