package io.confab.benchmarks.load;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.function.Predicate;

/**
 * The load generator's side of the HTTP API: one shared JDK {@link HttpClient} (HTTP/1.1,
 * virtual threads), bodies built as plain strings and answers scanned for the one field needed,
 * so the client costs as little CPU as possible on the cores it shares with the server.
 */
final class ConfabClient implements AutoCloseable {

    static final String CONVERSATIONS = "/api/v1/chat/conversations";
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final URI base;
    private final HttpClient http;

    ConfabClient(URI base) {
        this.base = base;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .executor(Executors.newVirtualThreadPerTaskExecutor())
                .connectTimeout(Duration.ofSeconds(10))
                .build();
    }

    URI base() {
        return base;
    }

    /** Closes the client's connections now (idle ones would otherwise close together about 30 s later). */
    @Override
    public void close() {
        http.close();
    }

    HttpClient http() {
        return http;
    }

    /** A development token for {@code user} ({@code POST /api/v1/auth/dev-token}). */
    String token(String user) {
        String body = expect(200, post("/api/v1/auth/dev-token", null, "{\"user_id\":\"" + user + "\"}"));
        return field(body, "access_token");
    }

    String createConversation(String token, String title) {
        return field(expect(201, post(CONVERSATIONS, token, "{\"title\":\"" + title + "\"}")), "id");
    }

    /** One blocking turn; the HTTP status. */
    int sendTurn(String token, String conversationId, String message) throws IOException, InterruptedException {
        return http.send(request(CONVERSATIONS + "/" + conversationId + "/messages", token)
                .POST(HttpRequest.BodyPublishers.ofString("{\"message\":\"" + message + "\"}")).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    CompletableFuture<HttpResponse<Void>> getAsync(String path, String token) {
        return http.sendAsync(request(path, token).GET().build(), HttpResponse.BodyHandlers.discarding());
    }

    /**
     * A streamed turn ({@code Accept: text/event-stream}); returns the nanoseconds from sending to
     * the first {@code chunk} event, then reads the stream to its end. -1 when no chunk came.
     */
    long streamTurnToFirstChunk(String token, String conversationId, String message) throws IOException, InterruptedException {
        HttpRequest request = request(CONVERSATIONS + "/" + conversationId + "/messages", token)
                .header("Accept", "text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofString("{\"message\":\"" + message + "\"}")).build();
        return firstMatchingLine(request, line -> line.contains("\"type\":\"chunk\""));
    }

    /**
     * Sends {@code request} and times the first SSE line that {@code marker} accepts; drains the
     * rest. Fails, saying why, on another status than 200 or when no line matched.
     */
    long firstMatchingLine(HttpRequest request, Predicate<String> marker) throws IOException, InterruptedException {
        long start = System.nanoTime();
        HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        long first = -1;
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            if (response.statusCode() != 200) {
                throw new IOException("status " + response.statusCode());
            }
            String line;
            while ((line = reader.readLine()) != null) {
                if (first < 0 && marker.test(line)) {
                    first = System.nanoTime() - start;
                }
            }
        }
        if (first < 0) {
            throw new IOException("the stream ended without the expected line");
        }
        return first;
    }

    HttpRequest.Builder request(String path, String token) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(base.resolve(path))
                .timeout(TIMEOUT)
                .header("Content-Type", "application/json");
        return token == null ? builder : builder.header("Authorization", "Bearer " + token);
    }

    /** A set-up call; retried once, as a pooled connection the server closed meanwhile fails the first try. */
    private HttpResponse<String> post(String path, String token, String body) {
        HttpRequest request = request(path, token).POST(HttpRequest.BodyPublishers.ofString(body)).build();
        try {
            try {
                return http.send(request, HttpResponse.BodyHandlers.ofString());
            } catch (IOException stale) {
                return http.send(request, HttpResponse.BodyHandlers.ofString());
            }
        } catch (IOException e) {
            throw new IllegalStateException("POST " + path + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static String expect(int status, HttpResponse<String> response) {
        if (response.statusCode() != status) {
            throw new IllegalStateException(response.request().method() + " " + response.uri().getPath() + " answered "
                    + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    /** The string value of the first {@code "name":"…"} in a JSON text (no escapes expected in ids and tokens). */
    static String field(String json, String name) {
        String key = "\"" + name + "\":\"";
        int start = json.indexOf(key);
        if (start < 0) {
            throw new IllegalStateException("no " + name + " in " + json);
        }
        int from = start + key.length();
        return json.substring(from, json.indexOf('"', from));
    }
}
