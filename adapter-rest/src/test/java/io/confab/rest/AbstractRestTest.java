package io.confab.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
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

    /** A problem+json answer with this status and code, every field, the response's correlation id and no stack trace. */
    static void assertProblem(HttpResponse<String> response, int status, String code) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode body;
        try {
            body = JSON.readTree(response.body());
        } catch (JsonProcessingException e) {
            throw new AssertionError("not JSON: " + response.body(), e);
        }
        assertThat(body.path("status").asInt()).isEqualTo(status);
        assertThat(body.path("code").asText()).isEqualTo(code);
        assertThat(body.has("type") && body.has("title") && body.has("detail")).isTrue();
        assertThat(body.path("correlation_id").asText()).isEqualTo(response.headers().firstValue("X-Correlation-ID").orElseThrow());
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    @AfterEach
    void stopServer() {
        if (server != null) {
            server.close();
        }
    }
}
