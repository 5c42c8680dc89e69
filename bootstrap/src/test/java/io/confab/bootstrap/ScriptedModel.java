package io.confab.bootstrap;

import io.confab.domain.Cancellation;
import io.confab.domain.TokenUsage;
import io.confab.domain.json.JsonValue;
import io.confab.domain.model.FinishReason;
import io.confab.domain.model.ModelEvent;
import io.confab.domain.model.ModelMessage;
import io.confab.domain.model.ModelRequest;
import io.confab.domain.model.ToolCallRequest;
import io.confab.domain.port.ChatModel;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * The model of the black-box tests, scripted by the user's words: "add task X" calls
 * {@code add_task} and then confirms; "wait …" says "Working" and holds until the test opens
 * {@link #gate} or the turn is cancelled; anything else is echoed word by word.
 */
final class ScriptedModel implements ChatModel {

    volatile CompletableFuture<Void> gate = new CompletableFuture<>();

    @Override
    public String name() {
        return "scripted";
    }

    @Override
    public void stream(ModelRequest request, Consumer<ModelEvent> sink, Cancellation cancellation) {
        List<ModelMessage> messages = request.messages();
        ModelMessage last = messages.get(messages.size() - 1);
        if (last instanceof ModelMessage.ToolResult result) {
            words("Done: " + result.tool() + ".", sink);
        } else if (last instanceof ModelMessage.User user && user.content().startsWith("add task ")) {
            sink.accept(new ModelEvent.ToolCallRequested(new ToolCallRequest("call-1", "add_task",
                    JsonValue.object("title", JsonValue.of(user.content().substring("add task ".length()))))));
            sink.accept(new ModelEvent.Finished(FinishReason.TOOL_CALLS));
            return;
        } else if (last instanceof ModelMessage.User user && user.content().startsWith("wait")) {
            sink.accept(new ModelEvent.TextDelta("Working"));
            if (!holdUntilGateOrCancel(cancellation)) {
                return;
            }
            sink.accept(new ModelEvent.TextDelta(" and done."));
        } else {
            words("Echo: " + ((last instanceof ModelMessage.User user) ? user.content() : "?"), sink);
        }
        sink.accept(new ModelEvent.UsageReported(new TokenUsage(10, 5)));
        sink.accept(new ModelEvent.Finished(FinishReason.STOP));
    }

    private boolean holdUntilGateOrCancel(Cancellation cancellation) {
        CompletableFuture<Void> cancelled = new CompletableFuture<>();
        cancellation.onCancel(() -> cancelled.complete(null));
        try {
            CompletableFuture.anyOf(gate, cancelled).get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (ExecutionException | TimeoutException e) {
            return false;
        }
        return !cancellation.isCancelled();
    }

    private static void words(String text, Consumer<ModelEvent> sink) {
        String[] words = text.split(" ");
        for (int i = 0; i < words.length; i++) {
            sink.accept(new ModelEvent.TextDelta(i == 0 ? words[i] : " " + words[i]));
        }
    }
}
