package io.confab.domain.event;

import io.confab.domain.ConversationId;
import io.confab.domain.TurnId;
import java.time.Instant;
import java.util.Objects;

/**
 * A request to stop {@code turnId}, published on the conversation's channel by an instance that
 * does not run the turn itself; the instance running it cancels it. Between instances only:
 * never sent to clients ({@link #forClients()} is false).
 */
public record TurnCancelRequested(ConversationId conversationId, TurnId turnId, Instant ts) implements ChatEvent {

    public TurnCancelRequested {
        Objects.requireNonNull(conversationId, "conversationId");
        Objects.requireNonNull(turnId, "turnId");
        Objects.requireNonNull(ts, "ts");
    }

    @Override
    public long seq() {
        return 0;
    }

    @Override
    public EventType eventType() {
        return EventType.TURN_CANCEL_REQUESTED;
    }

    @Override
    public boolean forClients() {
        return false;
    }
}
