package io.confab.rest.aisdk;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * The chunks of the AI SDK's UI message stream protocol v1 that Confab sends, shaped as the
 * {@code ai} package's {@code UIMessageChunk} (v5): the wire {@code type} is each record's name below.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = UiChunk.Start.class, name = "start"),
        @JsonSubTypes.Type(value = UiChunk.StartStep.class, name = "start-step"),
        @JsonSubTypes.Type(value = UiChunk.TextStart.class, name = "text-start"),
        @JsonSubTypes.Type(value = UiChunk.TextDelta.class, name = "text-delta"),
        @JsonSubTypes.Type(value = UiChunk.TextEnd.class, name = "text-end"),
        @JsonSubTypes.Type(value = UiChunk.ToolInputAvailable.class, name = "tool-input-available"),
        @JsonSubTypes.Type(value = UiChunk.ToolOutputAvailable.class, name = "tool-output-available"),
        @JsonSubTypes.Type(value = UiChunk.ToolOutputError.class, name = "tool-output-error"),
        @JsonSubTypes.Type(value = UiChunk.FinishStep.class, name = "finish-step"),
        @JsonSubTypes.Type(value = UiChunk.Finish.class, name = "finish"),
        @JsonSubTypes.Type(value = UiChunk.Abort.class, name = "abort"),
        @JsonSubTypes.Type(value = UiChunk.Error.class, name = "error")})
@JsonInclude(JsonInclude.Include.NON_NULL)
sealed interface UiChunk {

    /** The assistant message begins; its id is the stored assistant message's. */
    record Start(String messageId, Map<String, String> messageMetadata) implements UiChunk {
    }

    /** One model call begins. */
    record StartStep() implements UiChunk {
    }

    record TextStart(String id) implements UiChunk {
    }

    record TextDelta(String id, String delta) implements UiChunk {
    }

    record TextEnd(String id) implements UiChunk {
    }

    /** A tool call with its whole input (Confab runs it on the server). */
    record ToolInputAvailable(String toolCallId, String toolName, JsonNode input) implements UiChunk {
    }

    record ToolOutputAvailable(String toolCallId, JsonNode output) implements UiChunk {
    }

    record ToolOutputError(String toolCallId, String errorText) implements UiChunk {
    }

    /** One model call, with the tools it asked for, ended. */
    record FinishStep() implements UiChunk {
    }

    /** The message is complete; {@code finishReason} is one of the SDK's (Confab sends {@code stop}). */
    record Finish(String finishReason) implements UiChunk {
    }

    /** The turn was stopped (POST …/cancel). */
    record Abort() implements UiChunk {
    }

    /** The turn failed; {@code errorText} is the text shown to users (no internal detail). */
    record Error(String errorText) implements UiChunk {
    }
}
