package io.confab.domain.audit;

import io.confab.domain.ConversationId;
import io.confab.domain.ToolCallStatus;
import io.confab.domain.UserId;
import io.confab.domain.json.JsonValue;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A recorded tool call as the audit lists it (SPEC §17). {@code result} is the start of the
 * result's JSON text: at most {@value #MAX_RESULT_BYTES} bytes of UTF-8, cut between characters.
 */
public record AuditedToolCall(
        AuditedToolCallId id,
        UserId user,
        ToolCallSource source,
        String tool,
        JsonValue arguments,
        ToolCallStatus outcome,
        String result,
        Duration duration,
        Optional<ConversationId> conversation,
        Instant createdAt) {

    public static final int MAX_RESULT_BYTES = 4096;

    public AuditedToolCall {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(tool, "tool");
        Objects.requireNonNull(arguments, "arguments");
        Objects.requireNonNull(outcome, "outcome");
        result = firstBytes(Objects.requireNonNull(result, "result"));
        Objects.requireNonNull(duration, "duration");
        Objects.requireNonNull(conversation, "conversation");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    /** The longest prefix of {@code text} whose UTF-8 form fits {@value #MAX_RESULT_BYTES} bytes; never splits a character. */
    static String firstBytes(String text) {
        if (text.length() * 3L <= MAX_RESULT_BYTES) {
            return text; // one UTF-16 unit never takes more than 3 bytes
        }
        CharBuffer chars = CharBuffer.wrap(text);
        // the encoder stops before the first character that does not fit whole
        StandardCharsets.UTF_8.newEncoder().encode(chars, ByteBuffer.allocate(MAX_RESULT_BYTES), true);
        return text.substring(0, chars.position());
    }
}
