package io.confab.testkit.openai;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/** One scripted answer of the fake server: a reply it streams, or a failure it stages. */
public sealed interface FakeReply {

    /** Streams {@code text} word by word and finishes with {@code stop}. */
    record Text(String text) implements FakeReply {
        public Text {
            Objects.requireNonNull(text, "text");
        }
    }

    /**
     * Streams {@code text} word by word, the first word at once and each next one {@code interval}
     * later whatever the server's pacing, and finishes with {@code stop}: a reply that keeps its
     * stream open for a while, as a hosted model's does.
     */
    record PacedText(String text, Duration interval) implements FakeReply {
        public PacedText {
            Objects.requireNonNull(text, "text");
            if (interval.isNegative()) {
                throw new IllegalArgumentException("the interval must not be negative");
            }
        }
    }

    /** Streams optional {@code text}, then the calls (arguments split across chunks), then {@code tool_calls}. */
    record ToolCalls(String text, List<FakeToolCall> calls) implements FakeReply {
        public ToolCalls {
            Objects.requireNonNull(text, "text");
            calls = List.copyOf(calls);
        }
    }

    /**
     * Answers with an HTTP error before any stream starts, as the API does: a JSON error body and,
     * when {@code retryAfter} is set, {@code Retry-After} (whole seconds) and {@code retry-after-ms}.
     */
    record HttpError(int status, String type, String code, String message, Duration retryAfter) implements FakeReply {
        public HttpError {
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(message, "message");
        }
    }

    /** Streams {@code partialText}, then an {@code error} frame, then ends the response. */
    record MidStreamError(String partialText, String message) implements FakeReply {
        public MidStreamError {
            Objects.requireNonNull(partialText, "partialText");
            Objects.requireNonNull(message, "message");
        }
    }

    /**
     * Goes silent until the server closes: before the response headers when {@code partialText} is
     * {@code null}, otherwise after streaming it.
     */
    record Stall(String partialText) implements FakeReply {
    }

    /**
     * Closes the connection without answering, as a server does with a kept-alive connection it
     * drops just as the client reuses it.
     */
    record Dropped() implements FakeReply {
    }

    static FakeReply text(String text) {
        return new Text(text);
    }

    /** {@code text} streamed at {@code tokensPerSecond} words a second, the first word at once. */
    static FakeReply paced(String text, double tokensPerSecond) {
        if (!(tokensPerSecond > 0)) {
            throw new IllegalArgumentException("tokens per second must be positive");
        }
        return new PacedText(text, Duration.ofNanos((long) (1e9 / tokensPerSecond)));
    }

    static FakeReply toolCalls(FakeToolCall... calls) {
        return new ToolCalls("", List.of(calls));
    }

    static FakeReply rateLimited(Duration retryAfter) {
        return new HttpError(429, "requests", "rate_limit_exceeded", "Rate limit reached, try again later.", retryAfter);
    }

    static FakeReply serverError(int status) {
        return new HttpError(status, "server_error", null, "The server had an error while processing your request.", null);
    }

    static FakeReply unauthorized() {
        return new HttpError(401, "invalid_request_error", "invalid_api_key", "Incorrect API key provided.", null);
    }

    static FakeReply midStreamError(String partialText, String message) {
        return new MidStreamError(partialText, message);
    }

    static FakeReply dropped() {
        return new Dropped();
    }

    /** Silent before sending any response. */
    static FakeReply stall() {
        return new Stall(null);
    }

    /** Silent after streaming {@code partialText}. */
    static FakeReply stallAfter(String partialText) {
        return new Stall(Objects.requireNonNull(partialText, "partialText"));
    }
}
