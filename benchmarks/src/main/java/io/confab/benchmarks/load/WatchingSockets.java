package io.confab.benchmarks.load;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * WebSockets on one instance, each subscribed to one conversation, that time every turn-event
 * frame from its publication ({@link PublishStamps}) to the moment its first fragment is read
 * here. Frames of events published before {@link #countFrom(long)} (the warm-up) are not timed;
 * turn-event frames without a stamp are counted as unexpected.
 */
final class WatchingSockets implements AutoCloseable {

    /** One socket: whose it is and the conversation it follows. */
    record Watcher(String token, String conversationId) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration SET_UP = Duration.ofSeconds(30);

    private final PublishStamps stamps;
    private final Histogram latency = new Histogram();
    private final AtomicLong unexpected = new AtomicLong();
    private final CountDownLatch subscribed;
    private final List<WebSocket> sockets = new ArrayList<>();
    private volatile long countFrom = Long.MAX_VALUE;

    private WatchingSockets(PublishStamps stamps, int count) {
        this.stamps = stamps;
        this.subscribed = new CountDownLatch(count);
    }

    /** Opens one socket per watcher on {@code server} and returns once every subscription is acknowledged. */
    static WatchingSockets open(URI server, List<Watcher> watchers, PublishStamps stamps) throws InterruptedException {
        WatchingSockets group = new WatchingSockets(stamps, watchers.size());
        HttpClient http = HttpClient.newHttpClient();
        String base = server.toString().replaceFirst("^http", "ws") + "/ws/chat?token=";
        try {
            for (Watcher watcher : watchers) {
                WebSocket socket = http.newWebSocketBuilder().connectTimeout(SET_UP)
                        .buildAsync(URI.create(base + watcher.token()), group.new Frames()).join();
                group.sockets.add(socket);
                socket.sendText("{\"type\":\"subscribe\",\"conversation_id\":\"" + watcher.conversationId()
                        + "\",\"request_id\":\"s\"}", true).join();
            }
            if (!group.subscribed.await(SET_UP.toSeconds(), TimeUnit.SECONDS)) {
                throw new IllegalStateException(group.subscribed.getCount() + " of " + watchers.size()
                        + " subscriptions were not acknowledged");
            }
        } catch (RuntimeException | InterruptedException e) {
            group.close();
            throw e;
        }
        return group;
    }

    /** Times the frames of events published at or after {@code nanos} (a {@link System#nanoTime()}). */
    void countFrom(long nanos) {
        countFrom = nanos;
    }

    /** Waits until {@code frames} frames were timed, at most {@code timeout}; whether they all came. */
    boolean awaitTimed(long frames, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (latency.count() < frames && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        return latency.count() >= frames;
    }

    Histogram latency() {
        return latency;
    }

    long unexpected() {
        return unexpected.get();
    }

    private void onFrame(String text, long readAt) {
        JsonNode frame;
        try {
            frame = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            unexpected.incrementAndGet();
            return;
        }
        if ("ack".equals(frame.path("type").asText())) {
            subscribed.countDown();
        } else if (frame.has("turn_id")) {
            stamps.stamp(frame.path("turn_id").asText(), frame.path("seq").asLong()).ifPresentOrElse(published -> {
                if (published >= countFrom) {
                    latency.record(readAt - published);
                }
            }, unexpected::incrementAndGet);
        }
    }

    /** Reassembles one socket's frames and notes when each one's first fragment was read. */
    private final class Frames implements WebSocket.Listener {
        private final StringBuilder text = new StringBuilder();
        private long firstReadAt;

        @Override
        public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
            if (text.isEmpty()) {
                firstReadAt = System.nanoTime();
            }
            text.append(data);
            if (last) {
                onFrame(text.toString(), firstReadAt);
                text.setLength(0);
            }
            socket.request(1);
            return null;
        }
    }

    @Override
    public void close() {
        sockets.forEach(WebSocket::abort);
    }
}
