package io.confab.application.memory;

import io.confab.domain.ConversationId;
import io.confab.domain.TurnId;
import io.confab.domain.UserId;
import io.confab.domain.port.LeaseClaim;
import io.confab.domain.port.TurnLease;
import io.confab.domain.port.TurnLeases;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Turn leases of one process (every "instance" shares this map), for ephemeral use and tests. */
public final class InMemoryTurnLeases implements TurnLeases {

    private final Map<ConversationId, TurnLease> byConversation = new ConcurrentHashMap<>();

    @Override
    public LeaseClaim claim(TurnLease lease) {
        TurnLease holder = byConversation.putIfAbsent(lease.conversation(), lease);
        return holder == null ? new LeaseClaim.Claimed() : new LeaseClaim.Held(holder);
    }

    @Override
    public boolean renew(TurnId turn, Instant until) {
        return find(turn).map(lease -> byConversation.replace(lease.conversation(), lease,
                new TurnLease(lease.conversation(), turn, lease.owner(), lease.userMessage(), lease.clientMessageId(),
                        lease.instance(), until))).orElse(false);
    }

    @Override
    public void release(TurnId turn) {
        find(turn).ifPresent(lease -> byConversation.remove(lease.conversation(), lease));
    }

    @Override
    public Optional<TurnLease> find(UserId owner, ConversationId conversation) {
        return Optional.ofNullable(byConversation.get(conversation)).filter(lease -> lease.owner().equals(owner));
    }

    @Override
    public List<TurnLease> expired(Instant now, int limit) {
        return byConversation.values().stream()
                .filter(lease -> lease.isExpiredAt(now))
                .sorted(Comparator.comparing(TurnLease::expiresAt))
                .limit(limit)
                .toList();
    }

    @Override
    public List<TurnLease> heldBy(String instance) {
        return byConversation.values().stream().filter(lease -> lease.instance().equals(instance)).toList();
    }

    @Override
    public boolean takeOver(TurnLease lease) {
        return byConversation.remove(lease.conversation(), lease);
    }

    private Optional<TurnLease> find(TurnId turn) {
        return byConversation.values().stream().filter(lease -> lease.turn().equals(turn)).findFirst();
    }
}
