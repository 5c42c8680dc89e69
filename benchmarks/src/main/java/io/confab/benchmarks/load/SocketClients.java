package io.confab.benchmarks.load;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * The child JVM of {@link SocketsScenario}: opens N WebSockets to one URL (at most 256 handshakes
 * at a time), waits for each one's {@code connection_established}, prints
 * {@code CONNECTED open failed seconds}; on the line {@code FANOUT} it sends one
 * {@code create_conversation} and prints {@code DELIVERED count p50 p90 p99 max} (ms) of the
 * {@code conversation_created} arrivals; it exits when its input closes.
 */
public final class SocketClients {

    private static final int HANDSHAKES_IN_FLIGHT = 256;

    private SocketClients() {
    }

    /** Listens to one socket: marks its connection and the fan-out event's arrival. */
    private static final class Listener implements WebSocket.Listener {
        private final CountDownLatch established;
        private final Histogram arrivals;
        private volatile long fanOutSentAt;
        private boolean seenEstablished;

        Listener(CountDownLatch established, Histogram arrivals) {
            this.established = established;
            this.arrivals = arrivals;
        }

        @Override
        public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
            long now = System.nanoTime();
            String text = data.toString();
            if (!seenEstablished && text.contains("\"connection_established\"")) {
                seenEstablished = true;
                established.countDown();
            } else if (text.contains("\"conversation_created\"")) {
                arrivals.record(now - fanOutSentAt);
            }
            socket.request(1);
            return null;
        }
    }

    public static void main(String[] args) throws Exception {
        URI uri = URI.create(args[0]);
        int count = Integer.parseInt(args[1]);
        HttpClient http = HttpClient.newHttpClient();
        Histogram arrivals = new Histogram();
        List<Listener> listeners = new ArrayList<>(count);
        List<WebSocket> sockets = new ArrayList<>(count);
        CountDownLatch established = new CountDownLatch(count);
        Semaphore inFlight = new Semaphore(HANDSHAKES_IN_FLIGHT);
        int failed = 0;
        long start = System.nanoTime();
        List<CompletableFuture<WebSocket>> opening = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Listener listener = new Listener(established, arrivals);
            listeners.add(listener);
            inFlight.acquire();
            opening.add(http.newWebSocketBuilder().buildAsync(uri, listener).whenComplete((s, e) -> inFlight.release()));
        }
        for (CompletableFuture<WebSocket> future : opening) {
            try {
                sockets.add(future.join());
            } catch (RuntimeException e) {
                failed++;
                established.countDown();
            }
        }
        established.await(120, TimeUnit.SECONDS);
        System.out.printf(Locale.ROOT, "CONNECTED %d %d %.1f%n", sockets.size(), failed, (System.nanoTime() - start) / 1e9);
        System.out.flush();
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        if ("FANOUT".equals(in.readLine()) && !sockets.isEmpty()) {
            long sentAt = System.nanoTime();
            listeners.forEach(listener -> listener.fanOutSentAt = sentAt);
            sockets.get(0).sendText("{\"type\":\"create_conversation\",\"title\":\"Fan-out\",\"request_id\":\"f1\"}", true);
            long deadline = sentAt + TimeUnit.SECONDS.toNanos(60);
            while (arrivals.count() < sockets.size() && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            Histogram.Summary summary = arrivals.summary();
            System.out.printf(Locale.ROOT, "DELIVERED %d %.3f %.3f %.3f %.3f%n", summary.count(), summary.p50(), summary.p90(),
                    summary.p99(), summary.max());
            System.out.flush();
        }
        while (in.readLine() != null) {
            // keep the sockets open until the parent closes our input
        }
        System.exit(0);
    }
}
