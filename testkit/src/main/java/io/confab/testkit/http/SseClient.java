package io.confab.testkit.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.confab.domain.event.EventType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** Reads an SSE response live, event by event ({@code id:} + {@code data:} frames; comments skipped). */
public final class SseClient {

    private static final List<String> TERMINAL_TYPES = Stream.of(EventType.COMPLETE, EventType.CANCELLED, EventType.ERROR)
            .map(EventType::wireName).toList();
    private static final Duration TIMEOUT = Duration.ofSeconds(15);

    private final BlockingQueue<JsonNode> events = new LinkedBlockingQueue<>();
    public final List<String> ids = new ArrayList<>();

    private SseClient() {
    }

    /** Sends {@code request} with {@code Accept: text/event-stream} and reads its events on a virtual thread. */
    public static SseClient open(TestHttp api, HttpRequest.Builder request) {
        SseClient client = new SseClient();
        HttpResponse<Stream<String>> response = sendForLines(api, request.header("Accept", "text/event-stream"));
        if (response.statusCode() != 200) {
            throw new AssertionError("SSE answered " + response.statusCode());
        }
        Thread.ofVirtual().start(() -> response.body().forEach(client::line));
        return client;
    }

    private static HttpResponse<Stream<String>> sendForLines(TestHttp api, HttpRequest.Builder request) {
        try {
            return api.client.send(request.build(), HttpResponse.BodyHandlers.ofLines());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void line(String line) {
        if (line.startsWith("id: ")) {
            synchronized (ids) {
                ids.add(line.substring(4));
            }
        } else if (line.startsWith("data: ")) {
            try {
                events.add(TestHttp.JSON.readTree(line.substring(6)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    public JsonNode next() {
        try {
            JsonNode event = events.poll(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            if (event == null) {
                throw new AssertionError("no SSE event within " + TIMEOUT);
            }
            return event;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** The next {@code count} events. */
    public List<JsonNode> next(int count) {
        List<JsonNode> seen = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            seen.add(next());
        }
        return seen;
    }

    /** Every event up to and including the turn's terminal one. */
    public List<JsonNode> untilTerminal() {
        List<JsonNode> seen = new ArrayList<>();
        JsonNode event;
        do {
            event = next();
            seen.add(event);
        } while (!terminal(event));
        return seen;
    }

    /** Whether {@code event} ends its turn: {@code complete}, {@code cancelled} or {@code error}. */
    public static boolean terminal(JsonNode event) {
        return TERMINAL_TYPES.contains(event.path("type").asText());
    }
}
