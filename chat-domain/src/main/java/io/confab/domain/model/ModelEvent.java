package io.confab.domain.model;

import io.confab.domain.TokenUsage;

/** What a streaming model call produces, in order: deltas and tool calls, then usage and finish. */
public sealed interface ModelEvent {

    /** A piece of the reply text, forwarded as it arrives. */
    record TextDelta(String text) implements ModelEvent {
    }

    /** A complete tool call (its argument deltas already joined). */
    record ToolCallRequested(ToolCallRequest call) implements ModelEvent {
    }

    /** Tokens used by this call. */
    record UsageReported(TokenUsage usage) implements ModelEvent {
    }

    /** The call ended normally. */
    record Finished(FinishReason reason) implements ModelEvent {
    }
}
