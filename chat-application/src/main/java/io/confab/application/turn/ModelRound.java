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
                case ModelEvent.TextDelta delta -> {
                    String said = storable(delta.text());
                    if (!said.isEmpty()) {
                        text.append(said);
                        draft.appendText(said);
                        events.chunk(said, assistantMessage);
                    }
                }
                case ModelEvent.ToolCallRequested requested -> calls.add(requested.call());
                case ModelEvent.UsageReported reported -> draft.addUsage(reported.usage());
                case ModelEvent.Finished finished -> { }
            }
        }, cancellation);
        return new Result(text.toString(), calls);
    }

    /**
     * The delta without NUL characters: no store can keep U+0000 in text (PostgreSQL refuses it),
     * and a model that sends one must not cost the user the reply.
     */
    static String storable(String delta) {
        return delta.indexOf('\0') < 0 ? delta : delta.replace("\0", "");
    }
}
