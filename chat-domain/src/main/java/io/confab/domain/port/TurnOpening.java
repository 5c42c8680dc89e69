package io.confab.domain.port;

import io.confab.domain.Message;
import io.confab.domain.UserId;
import java.util.List;

/** What starting a turn did: claimed its conversation and stored its user message, or neither. */
public sealed interface TurnOpening {

    /**
     * A claim refused because {@code holder} holds the conversation: {@link Held} when it is the
     * owner's, else {@link Missing} (a lease is its conversation owner's, so another owner's means the
     * conversation is not this one's).
     */
    static TurnOpening refusedBy(TurnLease holder, UserId owner) {
        return holder.owner().equals(owner) ? new Held(holder) : new Missing();
    }

    /**
     * The turn holds its conversation's lease and its user message is stored; {@code history} is
     * the conversation's newest messages before it, oldest first.
     */
    record Started(AppendResult.Appended appended, List<Message> history) implements TurnOpening {

        public Started {
            history = List.copyOf(history);
        }
    }

    /** Another turn's lease holds the owner's conversation (it may have expired): nothing written. */
    record Held(TurnLease holder) implements TurnOpening {
    }

    /** A user message with this client_message_id is already in the conversation: nothing written, no lease held. */
    record Duplicate(Message existing) implements TurnOpening {
    }

    /** The conversation is missing, deleted or someone else's: nothing written, no lease held. */
    record Missing() implements TurnOpening {
    }
}
