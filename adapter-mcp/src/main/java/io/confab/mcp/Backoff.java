package io.confab.mcp;

import java.time.Duration;

/** Reconnection delays: doubling from {@code min} up to {@code max}. */
record Backoff(Duration min, Duration max) {

    static final Backoff DEFAULT = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(60));

    Backoff {
        if (min.isNegative() || min.isZero() || max.compareTo(min) < 0) {
            throw new IllegalArgumentException("backoff needs 0 < min <= max");
        }
    }

    /** The delay before attempt number {@code failures} (1 for the first retry). */
    Duration delay(int failures) {
        int shift = Math.min(Math.max(failures - 1, 0), 20);
        Duration delay = min.multipliedBy(1L << shift);
        return delay.compareTo(max) > 0 ? max : delay;
    }
}
