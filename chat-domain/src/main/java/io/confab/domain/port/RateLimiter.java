package io.confab.domain.port;

import io.confab.domain.UserId;

/** Limits how many turns a user may start per window, across all instances. */
public interface RateLimiter {

    /** Takes one permit for {@code user}, or says how long to wait. */
    RateDecision acquire(UserId user);
}
