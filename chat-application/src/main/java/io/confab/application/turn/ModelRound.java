package io.confab.application.turn;

import io.confab.domain.Cancellation;
import io.confab.domain.MessageId;
import io.confab.domain.model.ModelEvent;
import io.confab.domain.model.ModelRequest;
import io.confab.domain.model.ToolCallRequest;
import io.confab.domain.port.ChatModel;
import java.util.ArrayList;
import java.util.List;

/** One streaming model call: text deltas become chunks (and the draft's text), tool calls are collected. */
final class ModelRound {

    /** What the model said in this call, and which tools it asked for. */
    record Result(String text, List<ToolCallRequest> toolCalls) {
    }

    private ModelRound() {
    }

    static Result stream(ChatModel model, ModelRequest request, Cancellation cancellation, TurnEmitter events,
                         MessageId assistantMessage, Draft draft) {
        StringBuilder text = new StringBuilder();
        List<ToolCallRequest> calls = new ArrayList<>();
        model.stream(request, event -> {
            switch (event) {
                case ModelEvent.TextDelta delta when !delta.text().isEmpty() -> {
                    text.append(delta.text());
                    draft.appendText(delta.text());
                    events.chunk(delta.text(), assistantMessage);
                }
                case ModelEvent.TextDelta empty -> { }
                case ModelEvent.ToolCallRequested requested -> calls.add(requested.call());
                case ModelEvent.UsageReported reported -> draft.addUsage(reported.usage());
                case ModelEvent.Finished finished -> { }
            }
        }, cancellation);
        return new Result(text.toString(), calls);
    }
}
