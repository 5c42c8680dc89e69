package io.confab.application.turn;

import io.confab.application.TokenEstimate;
import io.confab.domain.Message;
import io.confab.domain.Role;
import io.confab.domain.ToolCall;
import io.confab.domain.model.ModelMessage;
import io.confab.domain.model.ToolCallRequest;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Turns the stored window of history into what the model sees, within a token budget. Each stored
 * message becomes one unit: a user message, or an assistant message replayed as the API expects
 * (its tool calls, their results, then its text). Oldest units are dropped first; the newest
 * (the current user message) is always kept, and the window never starts with an assistant unit.
 */
final class HistoryWindow {

    private HistoryWindow() {
    }

    /** {@code stored} oldest first; {@code budget} is what is left after the system prompt. */
    static List<ModelMessage> build(List<Message> stored, int budget) {
        Deque<List<ModelMessage>> kept = new ArrayDeque<>();
        int used = 0;
        for (int i = stored.size() - 1; i >= 0; i--) {
            List<ModelMessage> unit = unitOf(stored.get(i));
            int cost = unit.stream().mapToInt(TokenEstimate::ofMessage).sum();
            if (!kept.isEmpty() && used + cost > budget) {
                break;
            }
            if (!unit.isEmpty()) {
                kept.addFirst(unit);
                used += cost;
            }
        }
        while (kept.size() > 1 && !(kept.peekFirst().get(0) instanceof ModelMessage.User)) {
            kept.removeFirst();
        }
        List<ModelMessage> window = new ArrayList<>();
        kept.forEach(window::addAll);
        return window;
    }

    private static List<ModelMessage> unitOf(Message message) {
        if (message.role() == Role.USER) {
            return List.of(new ModelMessage.User(message.content()));
        }
        List<ModelMessage> unit = new ArrayList<>();
        if (!message.toolCalls().isEmpty()) {
            unit.add(new ModelMessage.Assistant("", message.toolCalls().stream()
                    .map(call -> new ToolCallRequest(call.id(), call.tool(), call.arguments())).toList()));
            for (ToolCall call : message.toolCalls()) {
                unit.add(new ModelMessage.ToolResult(call.id(), call.tool(), call.result()));
            }
        }
        if (!message.content().isEmpty()) {
            unit.add(new ModelMessage.Assistant(message.content(), List.of()));
        }
        return unit;
    }
}
