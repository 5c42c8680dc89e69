package io.confab.domain.port;

import io.confab.domain.ConversationId;
import io.confab.domain.TurnId;
import io.confab.domain.UserId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The leases of running turns, shared by every instance: at most one per conversation, so one
 * turn runs per conversation at a time. A lease its instance stops renewing expires; then exactly
 * one instance takes it over and ends its turn.
 */
public interface TurnLeases {

    /** Holds the lease's conversation for its turn, unless a lease (expired or not) already holds it. */
    LeaseClaim claim(TurnLease lease);

    /** Moves the turn's expiry to {@code until}; false when the turn holds no lease (it was taken over). */
    boolean renew(TurnId turn, Instant until);

    /** Ends the turn's lease; nothing happens when it holds none. */
    void release(TurnId turn);

    /** The lease holding the owner's conversation, expired or not. */
    Optional<TurnLease> find(UserId owner, ConversationId conversation);

    /** Up to {@code limit} leases expired at {@code now}, oldest expiry first. */
    List<TurnLease> expired(Instant now, int limit);

    /** The leases an instance of this name holds (at start-up: those of its previous run). */
    List<TurnLease> heldBy(String instance);

    /**
     * Removes exactly this lease (same turn and expiry, so not one renewed since it was read); true
     * for the one caller that removed it, who then ends its turn.
     */
    boolean takeOver(TurnLease lease);
}
