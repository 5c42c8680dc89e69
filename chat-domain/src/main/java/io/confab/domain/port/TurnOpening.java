package io.confab.domain.port;

import io.confab.domain.Message;

/** What starting a turn did: claimed its conversation and stored its user message, or neither. */
public sealed interface TurnOpening {

    /** The turn holds its conversation's lease and its user message is stored. */
    record Started(AppendResult.Appended appended) implements TurnOpening {
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
