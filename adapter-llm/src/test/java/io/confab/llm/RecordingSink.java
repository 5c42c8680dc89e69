package io.confab.llm;

import io.confab.domain.TokenUsage;
import io.confab.domain.model.FinishReason;
import io.confab.domain.model.ModelEvent;
import io.confab.domain.model.ToolCallRequest;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;

/** Collects the events a model streams, for assertions; counts down a latch on the first text delta. */
public final class RecordingSink implements Consumer<ModelEvent> {

    private final List<ModelEvent> events = new CopyOnWriteArrayList<>();
    private final CountDownLatch firstText = new CountDownLatch(1);

    @Override
    public void accept(ModelEvent event) {
        events.add(event);
        if (event instanceof ModelEvent.TextDelta) {
            firstText.countDown();
        }
    }

    public List<ModelEvent> events() {
        return List.copyOf(events);
    }

    public CountDownLatch firstText() {
        return firstText;
    }

    public List<String> deltas() {
        return events.stream().filter(ModelEvent.TextDelta.class::isInstance)
                .map(e -> ((ModelEvent.TextDelta) e).text()).toList();
    }

    public String text() {
        return String.join("", deltas());
    }

    public List<ToolCallRequest> toolCalls() {
        return events.stream().filter(ModelEvent.ToolCallRequested.class::isInstance)
                .map(e -> ((ModelEvent.ToolCallRequested) e).call()).toList();
    }

    public List<TokenUsage> usages() {
        return events.stream().filter(ModelEvent.UsageReported.class::isInstance)
                .map(e -> ((ModelEvent.UsageReported) e).usage()).toList();
    }

    public List<FinishReason> finishes() {
        return events.stream().filter(ModelEvent.Finished.class::isInstance)
                .map(e -> ((ModelEvent.Finished) e).reason()).toList();
    }

    /** The event kinds in order, e.g. {@code [TextDelta, TextDelta, UsageReported, Finished]}. */
    public List<String> kinds() {
        return events.stream().map(e -> e.getClass().getSimpleName()).toList();
    }
}
