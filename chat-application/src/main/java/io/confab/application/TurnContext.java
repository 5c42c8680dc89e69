package io.confab.application;

/**
 * Carries what the request that starts a turn knows about its context (a logging MDC with the
 * correlation id, say) onto the server-owned thread the turn runs on. Called on the request's
 * thread; the returned task runs on the turn's.
 */
@FunctionalInterface
public interface TurnContext {

    /** No context is carried. */
    TurnContext NONE = turn -> turn;

    Runnable carry(Runnable turn);
}
