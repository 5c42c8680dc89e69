package io.confab.redis;

import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Whether Redis answers; logs each change once (not each failed command). */
final class RedisHealth {

    private static final Logger LOG = LoggerFactory.getLogger(RedisHealth.class);

    private enum State { STARTING, UP, DOWN, CLOSED }

    private final AtomicReference<State> state = new AtomicReference<>(State.STARTING);

    /** Shutting down: failures from here on are expected and not reported. */
    void close() {
        state.set(State.CLOSED);
    }

    boolean isUp() {
        return state.get() == State.UP;
    }

    void up() {
        State previous = state.getAndUpdate(current -> current == State.CLOSED ? current : State.UP);
        if (previous == State.DOWN) {
            LOG.info("Redis is reachable again: cross-instance delivery resumed");
        }
    }

    void down(Exception cause) {
        State previous = state.getAndUpdate(current -> current == State.CLOSED ? current : State.DOWN);
        if (previous == State.UP || previous == State.STARTING) {
            LOG.warn("Redis is unreachable ({}): serving this instance's sockets only, reconnecting with backoff",
                    cause.toString());
        }
    }
}
