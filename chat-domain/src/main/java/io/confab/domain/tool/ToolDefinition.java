package io.confab.domain.tool;

import io.confab.domain.json.JsonValue;
import java.util.Objects;

/**
 * A tool as the model sees it: name, description and the JSON schema of its arguments, plus
 * {@code activity}, the human text shown while it runs ("Searching tasks…").
 */
public record ToolDefinition(String name, String description, JsonValue.Obj parameters, String activity) {

    public ToolDefinition {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(parameters, "parameters");
        Objects.requireNonNull(activity, "activity");
    }
}
