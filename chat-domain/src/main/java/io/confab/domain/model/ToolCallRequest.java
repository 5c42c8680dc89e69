package io.confab.domain.model;

import io.confab.domain.json.JsonValue;
import java.util.Objects;

/**
 * A tool call the model asked for. {@code arguments} is what the model sent, parsed; arguments
 * that were not valid JSON arrive as a {@link JsonValue.Str} of the raw text and fail validation.
 */
public record ToolCallRequest(String id, String tool, JsonValue arguments) {

    public ToolCallRequest {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(tool, "tool");
        Objects.requireNonNull(arguments, "arguments");
    }
}
