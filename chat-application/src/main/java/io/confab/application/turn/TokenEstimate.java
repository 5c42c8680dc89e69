package io.confab.application.turn;

import io.confab.domain.json.JsonValue;
import io.confab.domain.model.ModelMessage;
import io.confab.domain.model.ToolCallRequest;

/**
 * A cheap, tokenizer-free token estimate for trimming history: about four characters per token
 * (English text with the common BPE tokenizers), plus a fixed overhead per message for the role
 * and framing. It errs on the high side for code and non-Latin text, which only trims earlier.
 */
final class TokenEstimate {

    static final int PER_MESSAGE_OVERHEAD = 4;
    private static final int CHARS_PER_TOKEN = 4;

    private TokenEstimate() {
    }

    static int ofText(String text) {
        return (text.length() + CHARS_PER_TOKEN - 1) / CHARS_PER_TOKEN;
    }

    static int of(ModelMessage message) {
        int chars = switch (message) {
            case ModelMessage.User user -> user.content().length();
            case ModelMessage.Assistant assistant -> assistant.content().length()
                    + assistant.toolCalls().stream().mapToInt(TokenEstimate::charsOf).sum();
            case ModelMessage.ToolResult result -> result.callId().length() + charsOf(result.result());
        };
        return PER_MESSAGE_OVERHEAD + (chars + CHARS_PER_TOKEN - 1) / CHARS_PER_TOKEN;
    }

    private static int charsOf(ToolCallRequest call) {
        return call.id().length() + call.tool().length() + charsOf(call.arguments());
    }

    /** About the length of the value written as compact JSON, without writing it. */
    static int charsOf(JsonValue value) {
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
