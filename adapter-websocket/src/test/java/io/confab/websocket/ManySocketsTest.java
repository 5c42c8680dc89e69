package io.confab.websocket;

import static io.confab.websocket.WebSocketProtocolTest.turnEvents;
import static io.confab.websocket.WebSocketProtocolTest.type;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.confab.testkit.ScriptedChatModel;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** One instance, a thousand authenticated sockets of one user: each receives the whole turn. */
class ManySocketsTest {

    private static final int SOCKETS = 1_000;

    @Test
    void aThousandSubscribedSockets_allReceiveEveryEventOfATurn() {
        ScriptedChatModel model = new ScriptedChatModel();
        List<WsClient> clients = new ArrayList<>();
        try (TestServer server = TestServer.inMemory(model, WebSocketSettings.defaults())) {
            WsClient sender = server.connect("crowd");
            clients.add(sender);
            sender.send("{\"type\":\"create_conversation\"}");
            String conversation = sender.next("ack").get("conversation_id").asText();
            for (int i = 1; i < SOCKETS; i++) {
                WsClient client = server.connect("crowd");
                clients.add(client);
                client.send("{\"type\":\"subscribe\",\"conversation_id\":\"" + conversation + "\"}");
                client.next("ack");
            }
            assertThat(server.api.openConnections()).isEqualTo(SOCKETS);

            sender.send("{\"type\":\"send_message\",\"conversation_id\":\"" + conversation + "\",\"content\":\"hello all\"}");

            List<JsonNode> expected = turnEvents(sender.until(f -> type(f).equals("complete")));
            for (WsClient client : clients.subList(1, SOCKETS)) {
                assertThat(turnEvents(client.until(f -> type(f).equals("complete")))).isEqualTo(expected);
            }
        } finally {
            clients.forEach(WsClient::close);
        }
    }
}
