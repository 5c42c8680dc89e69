package io.confab.mcp;

import io.confab.domain.tool.ToolDefinition;
import java.util.Objects;

/** A tool of an external server: its name there, and its definition as the agent sees it. */
record RemoteTool(String remoteName, ToolDefinition definition) {

    RemoteTool {
        Objects.requireNonNull(remoteName, "remoteName");
        Objects.requireNonNull(definition, "definition");
    }

    String exposedName() {
        return definition.name();
    }
}
