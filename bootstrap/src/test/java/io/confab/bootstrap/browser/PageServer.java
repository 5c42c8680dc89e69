package io.confab.bootstrap.browser;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;

/**
 * A static web server of one HTML page at {@code /}, on its own port: a browser page on another
 * origin than Confab's, as a single-page app on its own host would be.
 */
final class PageServer implements AutoCloseable {

    private final HttpServer server;
    private volatile String page = "";

    PageServer() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", exchange -> respond(exchange, page));
        server.start();
    }

    /** {@code http://127.0.0.1:<port>}, as a browser names this server in {@code Origin}. */
    String origin() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Serves {@code html} from now on; returns the page's address. */
    URI serve(String html) {
        page = html;
        return URI.create(origin() + "/");
    }

    /** Answers {@code exchange} with {@code html}. */
    static void respond(HttpExchange exchange, String html) throws IOException {
        byte[] bytes = html.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
        exchange.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
