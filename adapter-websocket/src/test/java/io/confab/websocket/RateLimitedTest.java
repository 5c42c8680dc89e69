package io.confab.websocket;

import static io.confab.websocket.WebSocketProtocolTest.type;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.confab.application.Confab;
import io.confab.testkit.ScriptedChatModel;
import java.time.Clock;
import org.junit.jupiter.api.Test;

/** A user over the turn limit gets a rate_limited error; the socket stays open. */
class RateLimitedTest {

    @Test
    void aMessageOverTheLimit_isAnsweredWithRateLimited_andTheSocketStaysOpen() {
        ScriptedChatModel model = new ScriptedChatModel();
        try (TestServer server = new TestServer(Confab.inMemoryPorts(model, Clock.systemUTC(), 1),
                WebSocketSettings.defaults());
             WsClient client = server.connect("ruth")) {
            client.send("{\"type\":\"send_message\",\"content\":\"first\"}");
            client.next("complete");

            client.send("{\"type\":\"send_message\",\"content\":\"second\",\"request_id\":\"r2\"}");

            JsonNode error = client.nextMatching(f -> type(f).equals("error"));
            assertThat(error.get("code").asText()).isEqualTo("rate_limited");
            assertThat(error.get("request_id").asText()).isEqualTo("r2");
            client.send("{\"type\":\"ping\"}");
            assertThat(client.next("pong")).isNotNull();
        }
    }
}
