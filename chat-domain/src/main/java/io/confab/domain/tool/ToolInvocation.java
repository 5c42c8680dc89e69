package io.confab.domain.tool;

import io.confab.domain.UserId;
import io.confab.domain.json.JsonValue;
import java.util.Objects;

/**
 * One call of a tool on behalf of {@code user}, who comes from the authenticated context and
 * never from the model's arguments.
 */
public record ToolInvocation(UserId user, String callId, String tool, JsonValue arguments) {

    public ToolInvocation {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(callId, "callId");
        Objects.requireNonNull(tool, "tool");
        Objects.requireNonNull(arguments, "arguments");
    }
}
