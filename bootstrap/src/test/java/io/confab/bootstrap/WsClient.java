package io.confab.bootstrap;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** A real WebSocket client (the JDK's) for the end-to-end tests: sends JSON, collects frames as JSON. */
final class WsClient implements AutoCloseable {

    static final Duration TIMEOUT = Duration.ofSeconds(15);
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final BlockingQueue<JsonNode> frames = new LinkedBlockingQueue<>();
    private final StringBuilder partial = new StringBuilder();
    private final WebSocket socket;

    private WsClient(URI server, String token) {
        URI uri = URI.create("ws://" + server.getHost() + ":" + server.getPort() + "/ws/chat?token=" + token);
        socket = HTTP.newWebSocketBuilder().buildAsync(uri, new Listener())
                .orTimeout(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).join();
    }

    /** Opens {@code /ws/chat} on {@code server} and takes the {@code connection_established} frame. */
    static WsClient open(URI server, String token) {
        WsClient client = new WsClient(server, token);
        client.next("connection_established");
        return client;
    }

    void send(String json) {
        socket.sendText(json, true).orTimeout(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).join();
    }

    /** Subscribes to a conversation and waits for the {@code ack}. */
    void subscribe(String conversation) {
        send("{\"type\":\"subscribe\",\"conversation_id\":\"" + conversation + "\",\"request_id\":\"sub\"}");
        next("ack");
    }

    JsonNode next() {
        try {
            JsonNode frame = frames.poll(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            if (frame == null) {
                throw new AssertionError("no frame within " + TIMEOUT);
            }
            return frame;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Skips frames until one of {@code type}. */
    JsonNode next(String type) {
        while (true) {
            JsonNode frame = next();
            if (type.equals(frame.path("type").asText())) {
                return frame;
            }
        }
    }

    /** The frames of turn events (they carry a {@code turn_id}) up to and including the first matching {@code last}. */
    List<JsonNode> turnEventsUntil(Predicate<JsonNode> last) {
        List<JsonNode> seen = new ArrayList<>();
        while (true) {
            JsonNode frame = next();
            if (frame.has("turn_id")) {
                seen.add(frame);
                if (last.test(frame)) {
                    return seen;
                }
            }
        }
    }

    static boolean terminal(JsonNode event) {
        return List.of("complete", "cancelled", "error").contains(event.path("type").asText());
    }

    @Override
    public void close() {
        socket.abort();
    }

    private final class Listener implements WebSocket.Listener {
        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                try {
                    frames.add(Api.JSON.readTree(partial.toString()));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                partial.setLength(0);
            }
            webSocket.request(1);
            return null;
        }
    }
}
