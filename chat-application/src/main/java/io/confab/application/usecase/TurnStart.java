package io.confab.application.usecase;

import io.confab.domain.TurnId;
import java.time.Duration;

/** Whether a streamed turn started (its events then go to the listener), or why not. */
public sealed interface TurnStart {

    /**
     * The turn runs on the server; the listener gets every event from {@code message_created}
     * on. For a repeated client_message_id this is the first turn, replayed.
     */
    record Started(TurnId turn) implements TurnStart {
    }

    record NotFound() implements TurnStart {
    }

    record RateLimited(Duration retryAfter) implements TurnStart {
    }

    /** Another turn runs in the conversation (or this one runs where it cannot be followed); nothing was stored. */
    record InProgress(TurnId turn) implements TurnStart {
    }
}
