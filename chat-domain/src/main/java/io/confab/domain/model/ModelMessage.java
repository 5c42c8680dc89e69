package io.confab.domain.model;

import io.confab.domain.json.JsonValue;
import java.util.List;

/** One entry of the conversation as the model sees it. */
public sealed interface ModelMessage {

    /** What the user said. */
    record User(String content) implements ModelMessage {
    }

    /** What the assistant said, with the tool calls it made in that step. */
    record Assistant(String content, List<ToolCallRequest> toolCalls) implements ModelMessage {
        public Assistant {
            toolCalls = List.copyOf(toolCalls);
        }
    }

    /** The result of one tool call, fed back to the model. */
    record ToolResult(String callId, String tool, JsonValue result) implements ModelMessage {
    }
}
