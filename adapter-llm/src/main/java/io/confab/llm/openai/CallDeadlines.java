package io.confab.llm.openai;

import io.confab.domain.Cancellation;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The total time one model call may take, from the first attempt through the retries and their
 * back-offs to the last chunk. The transport's own timeouts are per attempt (a silent endpoint with a
 * 120 s read timeout and two retries held a turn 361 s); a deadline cancels whatever the call is
 * doing when it passes, so the call fails as a timeout after at most the configured total. The
 * transport times its single HTTP exchanges on the same timer thread.
 */
final class CallDeadlines implements AutoCloseable {

    private final ScheduledThreadPoolExecutor timers = new ScheduledThreadPoolExecutor(1,
            Thread.ofPlatform().daemon().name("confab-model-deadline").factory());

    CallDeadlines() {
        timers.setRemoveOnCancelPolicy(true);
    }

    /** Starts the clock of one call: after {@code limit}, {@code stop} is cancelled and the deadline has passed. */
    Deadline start(Duration limit, Cancellation stop) {
        return new Deadline(limit, stop);
    }

    @Override
    public void close() {
        timers.shutdownNow();
    }

    /** One call's deadline; closing it (when the call ends) stops the clock. */
    final class Deadline implements AutoCloseable {

        private final AtomicBoolean passed = new AtomicBoolean();
        private final ScheduledFuture<?> timer;

        private Deadline(Duration limit, Cancellation stop) {
            this.timer = timers.schedule(() -> {
                passed.set(true);
                stop.cancel();
            }, limit.toNanos(), TimeUnit.NANOSECONDS);
        }

        boolean passed() {
            return passed.get();
        }

        @Override
        public void close() {
            timer.cancel(false);
        }
    }
}
