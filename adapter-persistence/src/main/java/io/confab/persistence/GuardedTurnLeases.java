package io.confab.persistence;

import static io.confab.persistence.SqlFailures.guard;

import io.confab.domain.ConversationId;
import io.confab.domain.TurnId;
import io.confab.domain.UserId;
import io.confab.domain.port.LeaseClaim;
import io.confab.domain.port.TurnLease;
import io.confab.domain.port.TurnLeases;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Reports a lost database as {@code StoreUnavailableException} around any turn lease store. */
record GuardedTurnLeases(TurnLeases store) implements TurnLeases {

    @Override
    public LeaseClaim claim(TurnLease lease) {
        return guard(() -> store.claim(lease));
    }

    @Override
    public boolean renew(TurnId turn, Instant until) {
        return guard(() -> store.renew(turn, until));
    }

    @Override
    public void release(TurnId turn) {
        guard(() -> {
            store.release(turn);
            return null;
        });
    }

    @Override
    public Optional<TurnLease> find(UserId owner, ConversationId conversation) {
        return guard(() -> store.find(owner, conversation));
    }

    @Override
    public List<TurnLease> expired(Instant now, int limit) {
        return guard(() -> store.expired(now, limit));
    }

    @Override
    public List<TurnLease> heldBy(String instance) {
        return guard(() -> store.heldBy(instance));
    }

    @Override
    public boolean takeOver(TurnLease lease) {
        return guard(() -> store.takeOver(lease));
    }
}
