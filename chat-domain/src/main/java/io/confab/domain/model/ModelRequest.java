package io.confab.domain.model;

import io.confab.domain.tool.ToolDefinition;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything one model call gets: system prompt, the history window (oldest first), the tools, and
 * the model to ask when the conversation chose one of the allowed models (else the configured one).
 */
public record ModelRequest(String systemPrompt, List<ModelMessage> messages, List<ToolDefinition> tools,
                           Optional<String> model) {

    public ModelRequest {
        Objects.requireNonNull(systemPrompt, "systemPrompt");
        messages = List.copyOf(messages);
        tools = List.copyOf(tools);
        Objects.requireNonNull(model, "model");
    }

    /** A request for the configured model. */
    public ModelRequest(String systemPrompt, List<ModelMessage> messages, List<ToolDefinition> tools) {
        this(systemPrompt, messages, tools, Optional.empty());
    }
}
