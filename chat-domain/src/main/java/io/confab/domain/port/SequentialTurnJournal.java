package io.confab.domain.port;

import io.confab.domain.Message;
import io.confab.domain.TurnId;
import io.confab.domain.UserId;
import java.util.List;
import java.util.Optional;

/**
 * A turn's work as the two stores' own operations one after the other: the history's read, a claim
 * then an append (the lease given back when the append stores nothing), an append then a release.
 */
final class SequentialTurnJournal implements TurnJournal {

    private static final System.Logger LOG = System.getLogger(SequentialTurnJournal.class.getName());

    private final MessageRepository messages;
    private final TurnLeases leases;

    SequentialTurnJournal(MessageRepository messages, TurnLeases leases) {
        this.messages = messages;
        this.leases = leases;
    }

    @Override
    public TurnOpening start(UserId owner, Message userMessage, TurnLease lease, int historyLimit) {
        Optional<List<Message>> history = messages.latest(owner, userMessage.conversationId(), historyLimit);
        if (history.isEmpty()) {
            return new TurnOpening.Missing();
        }
        if (leases.claim(lease) instanceof LeaseClaim.Held held) {
            return TurnOpening.refusedBy(held.holder(), owner);
        }
        AppendResult stored;
        try {
            stored = messages.append(owner, userMessage);
        } catch (RuntimeException e) {
            release(lease.turn());
            throw e;
        }
        return switch (stored) {
            case AppendResult.Appended appended -> new TurnOpening.Started(appended, history.get());
            case AppendResult.Duplicate duplicate -> {
                release(lease.turn());
                yield new TurnOpening.Duplicate(duplicate.existing());
            }
            case AppendResult.ConversationMissing missing -> {
                release(lease.turn());
                yield new TurnOpening.Missing();
            }
        };
    }

    @Override
    public AppendResult finish(UserId owner, Message reply, TurnId turn) {
        AppendResult stored = messages.append(owner, reply);
        release(turn);
        return stored;
    }

    /** A release that fails leaves the lease to expire: harmless, so it is only logged. */
    private void release(TurnId turn) {
        try {
            leases.release(turn);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "turn " + turn + ": lease not released (" + e.getMessage()
                    + "); it expires");
        }
    }
}
