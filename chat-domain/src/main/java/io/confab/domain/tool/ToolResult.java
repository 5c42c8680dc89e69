package io.confab.domain.tool;

import io.confab.domain.json.JsonValue;
import java.util.Objects;

/** How a tool call ended: a JSON result with a one-line summary, or an error the model can read. */
public sealed interface ToolResult {

    /** The tool did its work; {@code summary} is shown to the user ("Found 3 tasks"). */
    record Success(JsonValue result, String summary) implements ToolResult {
        public Success {
            Objects.requireNonNull(result, "result");
            Objects.requireNonNull(summary, "summary");
        }
    }

    /** The call was invalid or the tool failed; the turn goes on. */
    record Failure(String error) implements ToolResult {
        public Failure {
            Objects.requireNonNull(error, "error");
        }
    }
}
