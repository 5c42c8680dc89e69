package io.confab.domain.port;

/** What claiming a conversation for a turn did. */
public sealed interface LeaseClaim {

    /** The conversation is the turn's until its lease expires or is released. */
    record Claimed() implements LeaseClaim {
    }

    /** Another lease holds the conversation (it may have expired: its turn then needs recovering). */
    record Held(TurnLease holder) implements LeaseClaim {
    }
}
