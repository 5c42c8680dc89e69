package io.confab.bootstrap.browser;

import io.confab.domain.Cancellation;
import io.confab.domain.TokenUsage;
import io.confab.domain.model.FinishReason;
import io.confab.domain.model.ModelEvent;
import io.confab.domain.model.ModelRequest;
import io.confab.domain.port.ChatModel;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A model that writes a long reply slowly (one word per {@code pace}, about a minute in all), so
 * a user has time to press Stop; cancelling ends the stream at once.
 */
final class SlowModel implements ChatModel {

    private static final int WORDS = 400;
    private final Duration pace;

    SlowModel(Duration pace) {
        this.pace = pace;
    }

    @Override
    public String name() {
        return "slow-test-model";
    }

    @Override
    public void stream(ModelRequest request, Consumer<ModelEvent> sink, Cancellation cancellation) {
        CountDownLatch stopped = new CountDownLatch(1);
        cancellation.onCancel(stopped::countDown);
        try {
            for (int i = 1; i <= WORDS; i++) {
                sink.accept(new ModelEvent.TextDelta((i == 1 ? "" : " ") + "word" + i));
                if (stopped.await(pace.toMillis(), TimeUnit.MILLISECONDS)) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        sink.accept(new ModelEvent.UsageReported(new TokenUsage(1, WORDS)));
        sink.accept(new ModelEvent.Finished(FinishReason.STOP));
    }
}
