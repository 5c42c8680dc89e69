package io.confab.application;

import io.confab.domain.json.JsonValue;
import io.confab.domain.model.ModelMessage;
import io.confab.domain.model.ModelRequest;
import io.confab.domain.model.ToolCallRequest;
import io.confab.domain.tool.ToolDefinition;

/**
 * Confab's one tokenizer-free token estimate (history trimming, usage when no provider counts):
 * one token per four characters, rounded up, plus {@value #PER_MESSAGE} tokens of framing per
 * message and per tool definition. JSON counts by its compact length, measured without writing it.
 * Within ~20% of the common BPE tokenizers on English prose; it errs high for code and non-Latin
 * text, which only trims earlier.
 */
public final class TokenEstimate {

    /** Framing tokens of each message and tool definition (role, separators). */
    public static final int PER_MESSAGE = 4;

    private static final int CHARS_PER_TOKEN = 4;

    private TokenEstimate() {
    }

    public static int ofChars(int chars) {
        return (chars + CHARS_PER_TOKEN - 1) / CHARS_PER_TOKEN;
    }

    public static int ofText(CharSequence text) {
        return ofChars(text.length());
    }

    public static int ofMessage(ModelMessage message) {
        int chars = switch (message) {
            case ModelMessage.User user -> user.content().length();
            case ModelMessage.Assistant assistant -> assistant.content().length()
                    + assistant.toolCalls().stream().mapToInt(TokenEstimate::charsOf).sum();
            case ModelMessage.ToolResult result -> result.callId().length() + charsOf(result.result());
        };
        return PER_MESSAGE + ofChars(chars);
    }

    /** A tool call as the model writes it (the completion side). */
    public static int ofCall(ToolCallRequest call) {
        return ofChars(charsOf(call));
    }

    /** The prompt side of a request: system prompt, every message and every tool definition. */
    public static long ofRequest(ModelRequest request) {
        long tokens = PER_MESSAGE + ofText(request.systemPrompt());
        for (ModelMessage message : request.messages()) {
            tokens += ofMessage(message);
        }
        for (ToolDefinition tool : request.tools()) {
            tokens += PER_MESSAGE + ofChars(tool.name().length() + tool.description().length()
                    + charsOf(tool.parameters()));
        }
        return tokens;
    }

    private static int charsOf(ToolCallRequest call) {
        return call.id().length() + call.tool().length() + charsOf(call.arguments());
    }

    /** About the length of the value written as compact JSON, without writing it. */
    private static int charsOf(JsonValue value) {
        return switch (value) {
            case JsonValue.Obj obj -> 2 + obj.members().entrySet().stream()
                    .mapToInt(e -> e.getKey().length() + 4 + charsOf(e.getValue())).sum();
            case JsonValue.Arr arr -> 2 + arr.elements().stream().mapToInt(e -> 1 + charsOf(e)).sum();
            case JsonValue.Str str -> str.value().length() + 2;
            case JsonValue.Num num -> num.value().precision() + 1;
            case JsonValue.Bool bool -> 5;
            case JsonValue.Null nothing -> 4;
        };
    }
}
