package io.confab.benchmarks.load;

import java.util.concurrent.TimeUnit;

/**
 * A fixed-rate schedule for open-loop load: request {@code i} is due at {@code start + i / rate},
 * whatever happened to the earlier ones. Latency counts from the due time, not from when the
 * request left, so a server (or client) stall is charged to every request it delayed (corrects
 * coordinated omission).
 */
record OpenLoop(long startNanos, long intervalNanos) {

    OpenLoop {
        if (intervalNanos <= 0) {
            throw new IllegalArgumentException("the interval must be positive");
        }
    }

    static OpenLoop perSecond(long startNanos, double rate) {
        if (rate <= 0) {
            throw new IllegalArgumentException("the rate must be positive");
        }
        return new OpenLoop(startNanos, Math.max(1, Math.round(TimeUnit.SECONDS.toNanos(1) / rate)));
    }

    long dueNanos(long index) {
        return startNanos + index * intervalNanos;
    }

    /** The corrected latency of request {@code index} that completed at {@code completedNanos}. */
    long latencyNanos(long index, long completedNanos) {
        return completedNanos - dueNanos(index);
    }

    /** Sleeps until request {@code index} is due (returns at once when it is already late). */
    void awaitDue(long index) throws InterruptedException {
        long wait = dueNanos(index) - System.nanoTime();
        if (wait > 0) {
            TimeUnit.NANOSECONDS.sleep(wait);
        }
    }
}
