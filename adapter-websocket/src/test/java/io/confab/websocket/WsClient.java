package io.confab.websocket;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A real WebSocket client (JDK) for tests, here and in bootstrap's end-to-end tests: collects text
 * frames as JSON, can stop reading (to play a slow consumer) and records how the server closed
 * the socket.
 */
public final class WsClient implements AutoCloseable {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    static final Duration TIMEOUT = Duration.ofSeconds(15);

    private final BlockingQueue<JsonNode> frames = new LinkedBlockingQueue<>();
    private final CompletableFuture<Integer> closeCode = new CompletableFuture<>();
    private final StringBuilder partial = new StringBuilder();
    private volatile boolean paused;
    private WebSocket socket;

    private WsClient() {
    }

    /** Connects to {@code ws://host:port/path}; fails with the HTTP status when the upgrade is refused. */
    static WsClient connect(URI uri) {
        WsClient client = new WsClient();
        client.socket = HTTP.newWebSocketBuilder().connectTimeout(TIMEOUT).buildAsync(uri, client.new Listener())
                .orTimeout(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).join();
        return client;
    }

    /** Opens {@code /ws/chat} on {@code server} with {@code token} and takes the connection_established frame. */
    public static WsClient open(URI server, String token) {
        return openWith(server, "token=" + token);
    }

    /** Opens {@code /ws/chat} on {@code server} with a stream ticket and takes the connection_established frame. */
    public static WsClient openWithTicket(URI server, String ticket) {
        return openWith(server, "ticket=" + ticket);
    }

    private static WsClient openWith(URI server, String credential) {
        WsClient client = connect(URI.create(
                "ws://" + server.getHost() + ":" + server.getPort() + "/ws/chat?" + credential));
        client.next("connection_established");
        return client;
    }

    /** Connects with the token in an Authorization header. */
    static WsClient connectWithHeader(URI uri, String token) {
        WsClient client = new WsClient();
        client.socket = HTTP.newWebSocketBuilder().header("Authorization", "Bearer " + token)
                .buildAsync(uri, client.new Listener()).orTimeout(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).join();
        return client;
    }

    public void send(String json) {
        socket.sendText(json, true).orTimeout(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).join();
    }

    void sendBinary(byte[] bytes) {
        socket.sendBinary(ByteBuffer.wrap(bytes), true).orTimeout(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).join();
    }

    /** The next frame. */
    public JsonNode next() {
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
    public JsonNode next(String type) {
        return nextMatching(frame -> type.equals(frame.path("type").asText()));
    }

    /** Skips frames until one matches. */
    public JsonNode nextMatching(Predicate<JsonNode> test) {
        while (true) {
            JsonNode frame = next();
            if (test.test(frame)) {
                return frame;
            }
        }
    }

    /** Every frame up to and including the first that matches. */
    List<JsonNode> until(Predicate<JsonNode> last) {
        List<JsonNode> seen = new ArrayList<>();
        while (true) {
            JsonNode frame = next();
            seen.add(frame);
            if (last.test(frame)) {
                return seen;
            }
        }
    }

    /** Subscribes to a conversation and waits for the {@code ack}. */
    public void subscribe(String conversation) {
        send("{\"type\":\"subscribe\",\"conversation_id\":\"" + conversation + "\",\"request_id\":\"sub\"}");
        next("ack");
    }

    /** The frames of turn events (they carry a {@code turn_id}) up to and including the first matching {@code last}. */
    public List<JsonNode> turnEventsUntil(Predicate<JsonNode> last) {
        List<JsonNode> seen = new ArrayList<>();
        JsonNode frame;
        do {
            frame = nextMatching(f -> f.has("turn_id"));
            seen.add(frame);
        } while (!last.test(frame));
        return seen;
    }

    /** Stops taking frames off the network (the TCP window fills up). */
    void pauseReading() {
        paused = true;
    }

    void resumeReading() {
        paused = false;
        socket.request(1);
    }

    int awaitCloseCode() {
        return closeCode.orTimeout(TIMEOUT.toMillis() * 3, TimeUnit.MILLISECONDS).join();
    }

    @Override
    public void close() {
        if (!socket.isOutputClosed()) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye");
        }
        socket.abort();
    }

    static JsonNode json(String text) {
        try {
            return MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new AssertionError(e);
        }
    }

    private final class Listener implements WebSocket.Listener {
        @Override
        public void onOpen(WebSocket webSocket) {
            webSocket.request(1);
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                frames.add(json(partial.toString()));
                partial.setLength(0);
            }
            if (!paused) {
                webSocket.request(1);
            }
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closeCode.complete(statusCode);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            closeCode.complete(1006);
        }
    }
}
