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
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * A network between a browser and Confab that drops the first SSE stream after a few events, as a
 * flaky connection would. It serves one HTML page (so the browser's {@code EventSource} is
 * same-origin) and forwards {@code /api/...} GETs to Confab with the bearer token the page cannot
 * send, passing {@code Last-Event-ID} through; it records each forwarded request's Last-Event-ID.
 */
final class FlakyProxy implements AutoCloseable {

    private final HttpServer server;
    private final HttpClient client = HttpClient.newHttpClient();
    private final URI confab;
    private final String token;
    private final String page;
    private final int framesBeforeDrop;
    final List<String> lastEventIds = new CopyOnWriteArrayList<>();

    FlakyProxy(URI confab, String token, String page, int framesBeforeDrop) {
        this.confab = confab;
        this.token = token;
        this.page = page;
        this.framesBeforeDrop = framesBeforeDrop;
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/page", this::servePage);
        server.createContext("/api/", this::forward);
        server.start();
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    private void servePage(HttpExchange exchange) throws IOException {
        byte[] html = page.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
        exchange.sendResponseHeaders(200, html.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(html);
        }
    }

    private void forward(HttpExchange exchange) throws IOException {
        String lastEventId = exchange.getRequestHeaders().getFirst("Last-Event-ID");
        lastEventIds.add(lastEventId == null ? "" : lastEventId);
        boolean drop = lastEventIds.size() == 1;
        HttpRequest.Builder upstream = HttpRequest.newBuilder(confab.resolve(exchange.getRequestURI().toString()))
                .header("Authorization", "Bearer " + token)
                .header("Accept", "text/event-stream");
        if (lastEventId != null) {
            upstream.header("Last-Event-ID", lastEventId);
        }
        try {
            HttpResponse<InputStream> response = client.send(upstream.GET().build(), HttpResponse.BodyHandlers.ofInputStream());
            exchange.getResponseHeaders().set("Content-Type", response.headers().firstValue("Content-Type").orElse("text/plain"));
            exchange.getResponseHeaders().set("Cache-Control", "no-cache");
            exchange.sendResponseHeaders(response.statusCode(), 0);
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
