package io.confab.bootstrap.browser;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * A network between a browser and Confab that drops the first SSE stream (the first GET) after a
 * few events, as a flaky connection would; it records each GET's Last-Event-ID. Two kinds: with a
 * page, it serves that HTML page (so the browser's {@code EventSource} is same-origin) and
 * forwards {@code /api/...} GETs with the bearer token the page cannot send, passing
 * {@code Last-Event-ID} through; {@link #transparent transparent}, it forwards every
 * {@code /api/...} request as the browser sent it (method, headers, body: a cross-origin page's
 * {@code Origin}, its preflights, its ticket) and hands Confab's headers (CORS too) back.
 */
final class FlakyProxy implements AutoCloseable {

    /** Hop-by-hop headers, the ones the JDK's clients set themselves, and compression (frames are counted in plain text). */
    private static final Set<String> NOT_FORWARDED = Set.of("connection", "keep-alive", "content-length",
            "transfer-encoding", "expect", "host", "upgrade", "date", "accept-encoding", "content-encoding");

    private final HttpServer server;
    private final HttpClient client = HttpClient.newHttpClient();
    private final URI confab;
    private final String token;
    private final int framesBeforeDrop;
    final List<String> lastEventIds = new CopyOnWriteArrayList<>();

    FlakyProxy(URI confab, String token, String page, int framesBeforeDrop) {
        this.confab = confab;
        this.token = token;
        this.framesBeforeDrop = framesBeforeDrop;
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        if (page != null) {
            server.createContext("/page", exchange -> PageServer.respond(exchange, page));
        }
        server.createContext("/api/", this::forward);
        server.start();
    }

    /** A proxy that adds nothing: the browser's own requests reach Confab, its answers the browser. */
    static FlakyProxy transparent(URI confab, int framesBeforeDrop) {
        return new FlakyProxy(confab, null, null, framesBeforeDrop);
    }

    URI uri(String path) {
        return URI.create(origin() + path);
    }

    String origin() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private void forward(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        String lastEventId = exchange.getRequestHeaders().getFirst("Last-Event-ID");
        boolean drop = false;
        if (method.equals("GET")) {
            lastEventIds.add(lastEventId == null ? "" : lastEventId);
            drop = lastEventIds.size() == 1;
        }
        HttpRequest.Builder upstream = HttpRequest.newBuilder(confab.resolve(exchange.getRequestURI().toString()));
        if (token == null) {
            exchange.getRequestHeaders().forEach((name, values) -> {
                if (!NOT_FORWARDED.contains(name.toLowerCase(Locale.ROOT))) {
                    values.forEach(value -> upstream.header(name, value));
                }
            });
        } else {
            upstream.header("Authorization", "Bearer " + token).header("Accept", "text/event-stream");
            if (lastEventId != null) {
                upstream.header("Last-Event-ID", lastEventId);
            }
        }
        byte[] body = exchange.getRequestBody().readAllBytes();
        upstream.method(method, body.length == 0 ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        try {
            HttpResponse<InputStream> response = client.send(upstream.build(), HttpResponse.BodyHandlers.ofInputStream());
            if (token == null) {
                response.headers().map().forEach((name, values) -> {
                    if (!NOT_FORWARDED.contains(name.toLowerCase(Locale.ROOT))) {
                        exchange.getResponseHeaders().put(name, values);
                    }
                });
            } else {
                exchange.getResponseHeaders().set("Content-Type", response.headers().firstValue("Content-Type").orElse("text/plain"));
                exchange.getResponseHeaders().set("Cache-Control", "no-cache");
            }
            boolean noBody = response.statusCode() == 204 || response.statusCode() == 304;
            exchange.sendResponseHeaders(response.statusCode(), noBody ? -1 : 0);
            try (InputStream in = response.body(); OutputStream out = exchange.getResponseBody()) {
                copyFrames(in, out, drop ? framesBeforeDrop : Integer.MAX_VALUE);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            exchange.close();
        }
    }

    /** Copies whole SSE frames (up to a blank line), flushing each, and stops after {@code limit} frames. */
    private static void copyFrames(InputStream in, OutputStream out, int limit) throws IOException {
        int frames = 0;
        int previous = -1;
        for (int next = in.read(); next >= 0 && frames < limit; next = in.read()) {
            out.write(next);
            if (next == '\n' && previous == '\n') {
                out.flush();
                frames++;
            }
            previous = next;
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
