package io.confab.application.memory;

import io.confab.domain.port.RateLimiter;
import io.confab.testkit.TestClock;
import io.confab.testkit.contract.RateLimiterContract;

/** The in-memory sliding-window limiter passes the shared contract. */
class InMemoryRateLimiterTest extends RateLimiterContract {

    @Override
    protected RateLimiter rateLimiter(int permitsPerMinute, TestClock clock) {
        return InMemoryRateLimiter.perMinute(permitsPerMinute, clock);
    }
}
