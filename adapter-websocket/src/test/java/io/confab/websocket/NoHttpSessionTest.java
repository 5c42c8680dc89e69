package io.confab.websocket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.confab.testkit.ScriptedChatModel;
import java.net.http.HttpResponse;
import java.net.http.WebSocketHandshakeException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** SPEC §18: WebSocket upgrades, accepted or refused, leave no HTTP session behind on the server. */
class NoHttpSessionTest {

    private TestServer server;

    @BeforeEach
    void start() {
        server = TestServer.inMemory(new ScriptedChatModel(), WebSocketSettings.defaults());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void manyRefusedAndSomeAcceptedUpgrades_createNoHttpSession() {
        List<String> cookies = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            HttpResponse<?> refused = refused("/ws/chat?token=forged-" + i);
            assertThat(refused.statusCode()).isEqualTo(401);
            cookies.addAll(refused.headers().allValues("Set-Cookie"));
        }
        assertThat(refused("/ws/bob/chat?token=" + FakeTokens.of("alice")).statusCode()).isEqualTo(403);
        for (int i = 0; i < 20; i++) {
            try (WsClient client = server.connect("user-" + i)) {
                client.send("{\"type\":\"ping\"}");
                client.next("pong");
            }
        }

        assertThat(server.httpSessionsCreated()).isZero();
        assertThat(cookies).isEmpty();
    }

    private HttpResponse<?> refused(String pathAndQuery) {
        CompletionException failure = catchThrowableOfType(CompletionException.class,
                () -> WsClient.connect(server.uri(pathAndQuery)));
        assertThat(failure).hasCauseInstanceOf(WebSocketHandshakeException.class);
        return ((WebSocketHandshakeException) failure.getCause()).getResponse();
    }
}
