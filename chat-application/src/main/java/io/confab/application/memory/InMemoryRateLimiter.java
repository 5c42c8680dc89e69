package io.confab.application.memory;

import io.confab.domain.UserId;
import io.confab.domain.port.RateDecision;
import io.confab.domain.port.RateLimiter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * A sliding-window limiter for one instance: at most {@code permits} acquisitions per user within
 * any {@code window}, timed by the injected clock. Users with no recent acquisition cost nothing.
 */
public final class InMemoryRateLimiter implements RateLimiter {

    private final int permits;
    private final Duration window;
    private final Clock clock;
    private final ConcurrentMap<UserId, Deque<Instant>> recent = new ConcurrentHashMap<>();

    public InMemoryRateLimiter(int permits, Duration window, Clock clock) {
        if (permits < 1 || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("permits and window must be positive");
        }
        this.permits = permits;
        this.window = window;
        this.clock = clock;
    }

    /** {@code permitsPerMinute} turns per user per minute. */
    public static InMemoryRateLimiter perMinute(int permitsPerMinute, Clock clock) {
        return new InMemoryRateLimiter(permitsPerMinute, Duration.ofMinutes(1), clock);
    }

    @Override
    public RateDecision acquire(UserId user) {
        Instant now = clock.instant();
        RateDecision[] decision = new RateDecision[1];
        recent.compute(user, (u, taken) -> {
            Deque<Instant> value = taken == null ? new ArrayDeque<>() : taken;
            while (!value.isEmpty() && !value.peekFirst().plus(window).isAfter(now)) {
                value.pollFirst();
            }
            if (value.size() < permits) {
                value.addLast(now);
                decision[0] = new RateDecision.Allowed();
            } else {
                decision[0] = new RateDecision.Limited(Duration.between(now, value.peekFirst().plus(window)));
            }
            return value;
        });
        return decision[0];
    }
}
