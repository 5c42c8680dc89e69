package io.confab.domain.port;

import java.time.Duration;

/** Whether a rate-limited action may go ahead now. */
public sealed interface RateDecision {

    record Allowed() implements RateDecision {
    }

    /** Not now; try again after {@code retryAfter}. */
    record Limited(Duration retryAfter) implements RateDecision {
    }
}
