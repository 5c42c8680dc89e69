package io.confab.application.turn;

import io.confab.domain.Message;
import io.confab.domain.TurnId;
import io.confab.domain.port.AppendResult;
import io.confab.domain.port.LeaseClaim;
import io.confab.domain.port.TurnJournal;
import io.confab.domain.port.TurnLease;
import io.confab.domain.port.TurnLeases;
import io.confab.domain.port.TurnOpening;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * This instance's side of the turn leases: the lease a new turn asks for, renewals while it runs,
 * and its release when it ends. A release that fails is harmless: the lease expires and the turn,
 * already stored, is then only taken off the books. A new turn's claim rides on reading its history
 * and storing its user message, and its release on storing its reply ({@link TurnJournal}): a turn's
 * reads and writes are then two round trips to PostgreSQL instead of five.
 */
final class TurnLeasing {

    private static final System.Logger LOG = System.getLogger(TurnLeasing.class.getName());

    private final TurnLeases leases;
    private final TurnJournal journal;
    private final Clock clock;
    private final Duration ttl;
    private final String instance;

    TurnLeasing(TurnLeases leases, TurnJournal journal, Clock clock, Duration ttl, String instance) {
        this.leases = leases;
        this.journal = journal;
        this.clock = clock;
        this.ttl = ttl;
        this.instance = instance;
    }

    /** The lease the turn asks for: its conversation, held by this instance for one period from now. */
    TurnLease leaseFor(RunningTurn turn, Optional<String> clientMessageId) {
        return new TurnLease(turn.conversation, turn.id, turn.user, turn.userMessageId, clientMessageId, instance,
                expiry());
    }

    LeaseClaim claim(TurnLease lease) {
        return leases.claim(lease);
    }

    /**
     * Reads the history before the turn's user message, claims its conversation with {@code lease}
     * and stores the message, in one go.
     */
    TurnOpening start(RunningTurn turn, TurnLease lease, Message userMessage, int historyLimit) {
        TurnOpening opening = journal.start(turn.user, userMessage, lease, historyLimit);
        if (opening instanceof TurnOpening.Started) {
            turn.leased();
        }
        return opening;
    }

    /**
     * Stores the turn's reply and lets its lease go, in one go (first for this instance's renewals);
     * when it throws, the turn still ends with {@link #release}.
     */
    AppendResult finish(RunningTurn turn, Message reply) {
        turn.released();
        return journal.finish(turn.user, reply, turn.id);
    }

    /** Extends the turn's lease by one period; false when it was lost (another instance ended the turn). */
    boolean renew(TurnId turn) {
        return leases.renew(turn, expiry());
    }

    /** One period from now, in whole milliseconds (every store keeps those exactly; take-overs compare it). */
    private Instant expiry() {
        return clock.instant().plus(ttl).truncatedTo(ChronoUnit.MILLIS);
    }

    /** Lets the turn's lease go: first for this instance's renewals, then in the store. */
    void release(RunningTurn running) {
        running.released();
        release(running.id);
    }

    private void release(TurnId turn) {
        try {
            leases.release(turn);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "turn " + turn + ": lease not released (" + e.getMessage()
                    + "); it expires within " + ttl.toSeconds() + " s");
        }
    }

    Duration ttl() {
        return ttl;
    }

    String instance() {
        return instance;
    }
}
