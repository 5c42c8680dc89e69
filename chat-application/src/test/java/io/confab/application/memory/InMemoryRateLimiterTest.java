package io.confab.application.memory;

import io.confab.application.contract.RateLimiterContract;
import io.confab.application.testing.TestClock;
import io.confab.domain.port.RateLimiter;

/** The in-memory sliding-window limiter passes the shared contract. */
class InMemoryRateLimiterTest extends RateLimiterContract {

    @Override
    protected RateLimiter rateLimiter(int permitsPerMinute, TestClock clock) {
        return InMemoryRateLimiter.perMinute(permitsPerMinute, clock);
    }
}
