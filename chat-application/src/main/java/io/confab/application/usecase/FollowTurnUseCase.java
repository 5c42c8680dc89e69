package io.confab.application.usecase;

import io.confab.domain.ConversationId;
import io.confab.domain.TurnId;
import io.confab.domain.UserId;
import io.confab.domain.port.Subscription;
import java.util.Optional;

/**
 * Resumes a turn's stream: replays the events after a position from the event log, then follows
 * the live ones until the terminal event (a finished turn replays to its end).
 */
public interface FollowTurnUseCase {

    /** A point in a turn's stream: the last event the client saw ({@code Last-Event-ID}). */
    record TurnPosition(TurnId turn, long seq) {
    }

    /** What following found. */
    sealed interface FollowOutcome {
        /** Events flow to the listener; close the subscription to stop early. */
        record Following(TurnId turn, Subscription subscription) implements FollowOutcome {
        }

        record NotFound() implements FollowOutcome {
        }

        /** The conversation has no turn that can still be replayed. */
        record NoTurn() implements FollowOutcome {
        }
    }

    /** From {@code after}, or from the start of the conversation's latest turn when absent. */
    FollowOutcome follow(UserId user, ConversationId conversation, Optional<TurnPosition> after, TurnListener listener);
}
