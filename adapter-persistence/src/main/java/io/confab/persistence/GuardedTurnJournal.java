package io.confab.persistence;

import static io.confab.persistence.SqlFailures.guard;

import io.confab.domain.Message;
import io.confab.domain.TurnId;
import io.confab.domain.UserId;
import io.confab.domain.port.AppendResult;
import io.confab.domain.port.TurnJournal;
import io.confab.domain.port.TurnLease;
import io.confab.domain.port.TurnOpening;

/** Reports a lost database as {@code StoreUnavailableException} around any turn journal. */
record GuardedTurnJournal(TurnJournal store) implements TurnJournal {

    @Override
    public TurnOpening start(UserId owner, Message userMessage, TurnLease lease, int historyLimit) {
        return guard(() -> store.start(owner, userMessage, lease, historyLimit));
    }

    @Override
    public AppendResult finish(UserId owner, Message reply, TurnId turn) {
        return guard(() -> store.finish(owner, reply, turn));
    }
}
