package io.confab.persistence;

import io.confab.domain.Message;
import io.confab.domain.TurnId;
import io.confab.domain.UserId;
import io.confab.domain.port.AppendResult;
import io.confab.domain.port.MessageRepository;
import io.confab.domain.port.TurnJournal;
import io.confab.domain.port.TurnLease;
import io.confab.domain.port.TurnOpening;
import java.util.Optional;

/**
 * A turn's work on PostgreSQL, each end one round trip ({@link PostgresAppend}): the claim rides on
 * the user message's append, which follows the read of the history, and the release on the reply's.
 * Only the rare ways out cost more: a refused claim reads the holder, and a claim for a conversation
 * that is not there gives its lease back. A repeated client_message_id fails the whole statement,
 * lease included.
 */
final class PostgresTurnJournal implements TurnJournal {

    private static final int ATTEMPTS = 3;

    private final PostgresAppend append;
    private final JooqTurnLeases leases;
    private final MessageRepository messages;

    PostgresTurnJournal(PostgresAppend append, JooqTurnLeases leases, MessageRepository messages) {
        this.append = append;
        this.leases = leases;
        this.messages = messages;
    }

    @Override
    public TurnOpening start(UserId owner, Message userMessage, TurnLease lease, int historyLimit) {
        for (int attempt = 1; ; attempt++) {
            Optional<TurnOpening> opening = SqlFailures.writeOrDuplicate(userMessage,
                    () -> append.appendClaiming(owner, userMessage, lease, historyLimit).map(claim -> opened(claim, lease)),
                    key -> messages.findByClientMessageId(owner, userMessage.conversationId(), key),
                    existing -> Optional.of(new TurnOpening.Duplicate(existing)));
            if (opening.isPresent()) {
                return opening.get();
            }
            Optional<TurnLease> holder = leases.holder(lease.conversation());
            // the holder may have let go between the two statements: start again
            if (holder.isPresent() || attempt == ATTEMPTS) {
                return TurnOpening.refusedBy(holder.orElse(lease), owner);
            }
        }
    }

    /** The turn started, or its lease, claimed for a conversation that is not the owner's live one, is given back. */
    private TurnOpening opened(PostgresAppend.Claim claim, TurnLease lease) {
        if (claim.stored() instanceof AppendResult.Appended appended) {
            return new TurnOpening.Started(appended, claim.history());
        }
        leases.release(lease.turn());
        return new TurnOpening.Missing();
    }

    @Override
    public AppendResult finish(UserId owner, Message reply, TurnId turn) {
        return append.appendReleasing(owner, reply, turn);
    }
}
