package io.confab.domain;

import io.confab.domain.json.JsonValue;
import java.time.Duration;
import java.util.Objects;

/**
 * One tool invocation of a turn, with what the model asked for and what the tool answered; every
 * call is stored with its assistant message (the audit trail). On error {@code result} holds
 * {@code {"error": "..."}}.
 */
public record ToolCall(
        String id,
        String tool,
        JsonValue arguments,
        JsonValue result,
        ToolCallStatus status,
        Duration duration) {

    public ToolCall {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(tool, "tool");
        Objects.requireNonNull(arguments, "arguments");
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(duration, "duration");
    }
}
