package io.confab.domain.audit;

import io.confab.domain.ConversationId;
import io.confab.domain.ToolCallStatus;
import io.confab.domain.UserId;
import io.confab.domain.json.JsonValue;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One finished tool call to record: who, from where, which tool with what arguments, how it ended
 * ({@code result} is the tool's JSON answer, or {@code {"error": …}}), how long it took, and the
 * conversation when it ran in a turn. The audit store keeps the first
 * {@value AuditedToolCall#MAX_RESULT_BYTES} bytes of the result's JSON text.
 */
public record ToolCallEntry(
        AuditedToolCallId id,
        UserId user,
        ToolCallSource source,
        String tool,
        JsonValue arguments,
        ToolCallStatus outcome,
        JsonValue result,
        Duration duration,
        Optional<ConversationId> conversation,
        Instant createdAt) {

    public ToolCallEntry {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(tool, "tool");
        Objects.requireNonNull(arguments, "arguments");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(duration, "duration");
        Objects.requireNonNull(conversation, "conversation");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    /** The call as the store keeps it: the result as the first bytes of {@code resultText}, its JSON text. */
    public AuditedToolCall stored(String resultText) {
        return new AuditedToolCall(id, user, source, tool, arguments, outcome, resultText, duration, conversation,
                createdAt);
    }
}
