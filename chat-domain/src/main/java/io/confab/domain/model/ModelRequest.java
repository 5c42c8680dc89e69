package io.confab.domain.model;

import io.confab.domain.tool.ToolDefinition;
import java.util.List;
import java.util.Objects;

/** Everything one model call gets: system prompt, the history window (oldest first) and the tools. */
public record ModelRequest(String systemPrompt, List<ModelMessage> messages, List<ToolDefinition> tools) {

    public ModelRequest {
        Objects.requireNonNull(systemPrompt, "systemPrompt");
        messages = List.copyOf(messages);
        tools = List.copyOf(tools);
    }
}
