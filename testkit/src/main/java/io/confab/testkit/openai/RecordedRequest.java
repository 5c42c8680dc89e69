package io.confab.testkit.openai;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.Optional;

/** A request the fake server received: method, path, headers (lower-case names) and the parsed JSON body. */
public record RecordedRequest(String method, String path, Map<String, String> headers, JsonNode body) {

    public RecordedRequest {
        headers = Map.copyOf(headers);
    }

    public Optional<String> header(String name) {
        return Optional.ofNullable(headers.get(name.toLowerCase(java.util.Locale.ROOT)));
    }

    /** The {@code messages} array of a chat completion request. */
    public JsonNode messages() {
        return body.path("messages");
    }

    /** The {@code tools} array of a chat completion request (missing node when none were sent). */
    public JsonNode tools() {
        return body.path("tools");
    }

    public boolean streaming() {
        return body.path("stream").asBoolean(false);
    }
}
