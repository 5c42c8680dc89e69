package io.confab.llm.offline;

import io.confab.application.tools.TaskTools;
import io.confab.domain.Cancellation;
import io.confab.domain.model.ModelMessage;
import io.confab.domain.model.ModelRequest;
import io.confab.domain.model.ToolCallRequest;
import io.confab.domain.port.ChatModel;
import io.confab.llm.RecordingSink;
import java.util.ArrayList;
import java.util.List;

/** Plays the agent loop's part for one turn: calls the model, runs its tool calls, feeds results back. */
final class OfflineTurnDriver {

    /** What one turn produced: the final answer, every tool call, and the last model call's events. */
    record TurnResult(String answer, List<ToolCallRequest> calls, RecordingSink lastCall) {
    }

    private final ChatModel model;
    private final TaskToolsFake tools;

    OfflineTurnDriver(ChatModel model, TaskToolsFake tools) {
        this.model = model;
        this.tools = tools;
    }

    TurnResult turn(String userText) {
        List<ModelMessage> history = new ArrayList<>(List.of(new ModelMessage.User(userText)));
        List<ToolCallRequest> calls = new ArrayList<>();
        for (int round = 0; round < 8; round++) {
            RecordingSink sink = new RecordingSink();
            model.stream(new ModelRequest("", history, TaskTools.definitions()), sink, new Cancellation());
            if (sink.toolCalls().isEmpty()) {
                return new TurnResult(sink.text(), calls, sink);
            }
            history.add(new ModelMessage.Assistant(sink.text(), sink.toolCalls()));
            for (ToolCallRequest call : sink.toolCalls()) {
                calls.add(call);
                history.add(new ModelMessage.ToolResult(call.id(), call.tool(), tools.run(call)));
            }
        }
        throw new AssertionError("the turn did not end within 8 rounds");
    }
}
