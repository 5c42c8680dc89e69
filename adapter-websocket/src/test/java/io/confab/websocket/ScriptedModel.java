package io.confab.websocket;

import io.confab.domain.Cancellation;
import io.confab.domain.TokenUsage;
import io.confab.domain.model.FinishReason;
import io.confab.domain.model.ModelEvent;
import io.confab.domain.model.ModelMessage;
import io.confab.domain.model.ModelRequest;
import io.confab.domain.port.ChatModel;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;

/**
 * A model for WebSocket tests: replies "echo: <last user message>" word by word. A message
 * containing "wait" holds the reply until the turn is cancelled (or {@link #release()}).
 */
final class ScriptedModel implements ChatModel {

    private volatile CountDownLatch gate = new CountDownLatch(1);

    @Override
    public String name() {
        return "scripted";
    }

    /** Lets held replies go on. */
    void release() {
        gate.countDown();
    }

    @Override
    public void stream(ModelRequest request, Consumer<ModelEvent> sink, Cancellation cancellation) {
        String question = lastUserText(request);
        if (question.contains("wait")) {
            CountDownLatch held = gate;
            cancellation.onCancel(held::countDown);
            try {
                held.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (cancellation.isCancelled()) {
                return;
            }
        }
        for (String word : List.of("echo:", question)) {
            sink.accept(new ModelEvent.TextDelta(word + " "));
        }
        sink.accept(new ModelEvent.UsageReported(new TokenUsage(5, 2)));
        sink.accept(new ModelEvent.Finished(FinishReason.STOP));
    }

    private static String lastUserText(ModelRequest request) {
        for (int i = request.messages().size() - 1; i >= 0; i--) {
            if (request.messages().get(i) instanceof ModelMessage.User user) {
                return user.content();
            }
        }
        return "";
    }
}
