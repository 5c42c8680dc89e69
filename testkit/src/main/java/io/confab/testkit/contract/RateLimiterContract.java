package io.confab.testkit.contract;

import static io.confab.testkit.contract.Fixtures.newUser;
import static org.assertj.core.api.Assertions.assertThat;

import io.confab.domain.UserId;
import io.confab.domain.port.RateDecision;
import io.confab.domain.port.RateLimiter;
import io.confab.testkit.TestClock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link RateLimiter} must have (sliding or fixed one-minute windows). The
 * adapter is built per test with the limit and a {@link TestClock} that the test moves on, so no
 * test waits for real time; users are fresh and random, so one server may serve every test.
 */
public abstract class RateLimiterContract {

    private static final int LIMIT = 3;

    private final TestClock clock = new TestClock();
    private final UserId alice = newUser();
    private final UserId bob = newUser();

    /** A limiter allowing {@code permitsPerMinute} acquisitions per user per minute, timed by {@code clock}. */
    protected abstract RateLimiter rateLimiter(int permitsPerMinute, TestClock clock);

    @Test
    void allowsTheLimit_thenLimitsWithAPositiveRetryAfterOfAtMostAMinute() {
        RateLimiter limiter = rateLimiter(LIMIT, clock);

        for (int i = 0; i < LIMIT; i++) {
            assertThat(limiter.acquire(alice)).isInstanceOf(RateDecision.Allowed.class);
        }
        RateDecision next = limiter.acquire(alice);

        assertThat(next).isInstanceOfSatisfying(RateDecision.Limited.class, limited ->
                assertThat(limited.retryAfter()).isPositive().isLessThanOrEqualTo(Duration.ofMinutes(1)));
    }

    @Test
    void aLimitedUser_doesNotAffectOtherUsers() {
        RateLimiter limiter = rateLimiter(LIMIT, clock);
        for (int i = 0; i <= LIMIT; i++) {
            limiter.acquire(alice);
        }

        assertThat(limiter.acquire(bob)).isInstanceOf(RateDecision.Allowed.class);
    }

    @Test
    void afterTheWindowPasses_theUserIsAllowedAgain() {
        RateLimiter limiter = rateLimiter(LIMIT, clock);
        for (int i = 0; i <= LIMIT; i++) {
            limiter.acquire(alice);
        }

        clock.advance(Duration.ofSeconds(61));

        assertThat(limiter.acquire(alice)).isInstanceOf(RateDecision.Allowed.class);
    }

    @Test
    void waitingTheRetryAfter_isEnough() {
        RateLimiter limiter = rateLimiter(LIMIT, clock);
        for (int i = 0; i < LIMIT; i++) {
            limiter.acquire(alice);
        }
        RateDecision.Limited limited = (RateDecision.Limited) limiter.acquire(alice);

        clock.advance(limited.retryAfter());

        assertThat(limiter.acquire(alice)).isInstanceOf(RateDecision.Allowed.class);
    }
}
