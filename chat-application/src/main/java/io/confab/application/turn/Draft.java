package io.confab.application.turn;

import io.confab.domain.TokenUsage;
import io.confab.domain.ToolCall;
import java.util.ArrayList;
import java.util.List;

/** The assistant message as the turn builds it: all text streamed so far, every tool call, summed usage. */
final class Draft {

    private final StringBuilder text = new StringBuilder();
    private final List<ToolCall> toolCalls = new ArrayList<>();
    private TokenUsage usage = TokenUsage.NONE;

    void appendText(String delta) {
        text.append(delta);
    }

    void addToolCall(ToolCall call) {
        toolCalls.add(call);
    }

    void addUsage(TokenUsage more) {
        usage = usage.plus(more);
    }

    String text() {
        return text.toString();
    }

    List<ToolCall> toolCalls() {
        return List.copyOf(toolCalls);
    }

    TokenUsage usage() {
        return usage;
    }
}
