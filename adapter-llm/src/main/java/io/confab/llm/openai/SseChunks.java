package io.confab.llm.openai;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.confab.json.JacksonMappers;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The chunks of a streamed chat completion read straight from the response body (server-sent
 * events, {@code data: [DONE]} at the end), each parsed into a small Jackson tree: cheaper than
 * openai-java's typed chunk models, which it builds through Kotlin and Jackson data binding for
 * every token. An {@code error} frame fails the stream as the API means it to.
 */
final class SseChunks {

    private static final ObjectMapper MAPPER = JacksonMappers.create();
    private static final String DONE = "[DONE]";

    private final BufferedReader lines;
    private final StringBuilder data = new StringBuilder();
    private boolean ended;

    SseChunks(InputStream body) {
        this.lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8));
    }

    /**
     * The next chunk, or null at the end of the stream.
     *
     * @throws UncheckedIOException when reading fails (a timeout, a closed or cancelled connection)
     * @throws ErrorFrame when the provider sent an error instead of the next chunk
     * @throws IllegalStateException when a chunk is not JSON
     */
    JsonNode next() {
        try {
            while (!ended) {
                String line = lines.readLine();
                if (line == null) {
                    ended = true;
                } else if (!line.isEmpty()) {
                    field(line);
                    continue;
                }
                if (!data.isEmpty()) {
                    String event = data.toString();
                    data.setLength(0);
                    if (event.equals(DONE)) {
                        ended = true;
                    } else {
                        return chunk(event);
                    }
                }
            }
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Keeps a {@code data} field's value (several join with a newline); comments and other fields are skipped. */
    private void field(String line) {
        if (!line.startsWith("data:")) {
            return;
        }
        if (!data.isEmpty()) {
            data.append('\n');
        }
        data.append(line, line.startsWith("data: ") ? 6 : 5, line.length());
    }

    /** A chunk that is not JSON fails as unreadable, not as a lost connection (no I/O cause). */
    private static JsonNode chunk(String event) {
        JsonNode chunk;
        try {
            chunk = MAPPER.readTree(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a chunk that is not JSON: " + e.getOriginalMessage());
        }
        JsonNode error = chunk.path("error");
        if (!error.isMissingNode() && !error.isNull()) {
            throw new ErrorFrame(error.toString());
        }
        return chunk;
    }

    /** The provider broke off the stream with an {@code error} frame (its JSON is the message). */
    static final class ErrorFrame extends RuntimeException {
        ErrorFrame(String error) {
            super(error, null, false, false);
        }
    }
}
