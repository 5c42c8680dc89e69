package io.confab.llm;

import io.confab.domain.json.JsonValue;
import io.confab.domain.model.ModelMessage;
import io.confab.domain.model.ModelRequest;
import io.confab.domain.model.ToolCallRequest;
import io.confab.domain.tool.ToolDefinition;
import io.confab.json.JsonValues;

/**
 * A cheap token estimate for when no provider counts: one token per four characters (rounded up)
 * plus {@value #PER_MESSAGE} tokens of framing per message and per tool. Within ~20% of real
 * tokenizers on English prose; good enough for budgets and usage of the offline model.
 */
public final class TokenEstimate {

    /** Framing tokens for each message (role, separators), as chat formats spend them. */
    public static final int PER_MESSAGE = 4;

    private TokenEstimate() {
    }

    public static long ofText(CharSequence text) {
        return (text.length() + 3) / 4;
    }

    public static long ofJson(JsonValue value) {
        return ofText(JsonValues.write(value));
    }

    /** The prompt side of a request: system prompt, every message and every tool definition. */
    public static long ofRequest(ModelRequest request) {
        long tokens = ofText(request.systemPrompt()) + PER_MESSAGE;
        for (ModelMessage message : request.messages()) {
            tokens += ofMessage(message);
        }
        for (ToolDefinition tool : request.tools()) {
            tokens += PER_MESSAGE + ofText(tool.name()) + ofText(tool.description()) + ofJson(tool.parameters());
        }
        return tokens;
    }

    public static long ofMessage(ModelMessage message) {
        return PER_MESSAGE + switch (message) {
            case ModelMessage.User user -> ofText(user.content());
            case ModelMessage.Assistant assistant -> ofText(assistant.content())
                    + assistant.toolCalls().stream().mapToLong(TokenEstimate::ofCall).sum();
            case ModelMessage.ToolResult result -> ofJson(result.result());
        };
    }

    public static long ofCall(ToolCallRequest call) {
        return PER_MESSAGE + ofText(call.tool()) + ofJson(call.arguments());
    }
}
