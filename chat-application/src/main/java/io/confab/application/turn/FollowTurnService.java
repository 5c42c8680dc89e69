package io.confab.application.turn;

import io.confab.application.usecase.FollowTurnUseCase;
import io.confab.application.usecase.TurnListener;
import io.confab.domain.ConversationId;
import io.confab.domain.MessageId;
import io.confab.domain.TurnId;
import io.confab.domain.UserId;
import io.confab.domain.event.TurnEvent;
import io.confab.domain.port.ConversationRepository;
import io.confab.domain.port.EventBus;
import io.confab.domain.port.EventLog;
import io.confab.domain.port.MessageRepository;
import io.confab.domain.port.Subscription;
import io.confab.domain.port.TurnLease;
import io.confab.domain.port.TurnLeases;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Resumes a turn's stream after a position. A turn running here is followed from its own buffer;
 * any other is replayed from the event log and then followed live on the event bus (subscribed
 * before reading, merged by seq), so a turn running on another instance streams here too. A turn
 * whose instance died is ended as lost as soon as its lease has expired; a turn the log no longer
 * keeps ends with its stored reply.
 */
public final class FollowTurnService implements FollowTurnUseCase {

    private final ConversationRepository conversations;
    private final MessageRepository messages;
    private final TurnLeases leases;
    private final EventLog eventLog;
    private final EventBus eventBus;
    private final Clock clock;
    private final TurnRegistry registry;
    private final LostTurns lostTurns;

    FollowTurnService(ConversationRepository conversations, MessageRepository messages, TurnLeases leases,
                      EventLog eventLog, EventBus eventBus, Clock clock, TurnRegistry registry, LostTurns lostTurns) {
        this.conversations = conversations;
        this.messages = messages;
        this.leases = leases;
        this.eventLog = eventLog;
        this.eventBus = eventBus;
        this.clock = clock;
        this.registry = registry;
        this.lostTurns = lostTurns;
    }

    @Override
    public FollowOutcome follow(UserId user, ConversationId conversation, Optional<TurnPosition> after,
                                TurnListener listener) {
        if (conversations.find(user, conversation).isEmpty()) {
            return new FollowOutcome.NotFound();
        }
        long afterSeq = Math.max(0, after.map(TurnPosition::seq).orElse(0L));
        Optional<TurnId> turn = after.map(TurnPosition::turn)
                .or(() -> registry.latestIn(conversation).map(running -> running.id))
                .or(() -> eventLog.latestTurn(conversation));
        if (turn.isEmpty()) {
            return new FollowOutcome.NoTurn();
        }
        Optional<RunningTurn> local = registry.find(turn.get()).filter(running -> running.conversation.equals(conversation));
        if (local.isPresent()) {
            return local.get().follow(listener, afterSeq)
                    .<FollowOutcome>map(subscription -> new FollowOutcome.Following(turn.get(), subscription))
                    .orElseGet(FollowOutcome.NoTurn::new);
        }
        return fromLog(user, conversation, turn.get(), afterSeq, listener);
    }

    private FollowOutcome fromLog(UserId user, ConversationId conversation, TurnId turn, long afterSeq,
                                  TurnListener listener) {
        AtomicReference<Subscription> live = new AtomicReference<>();
        OrderedDelivery delivery = new OrderedDelivery(listener, afterSeq, () -> closeIfSet(live));
        live.set(eventBus.subscribeConversation(conversation, event -> {
            if (event instanceof TurnEvent turnEvent && turnEvent.turnId().equals(turn)) {
                delivery.offer(turnEvent);
            }
        }));
        List<TurnEvent> kept = eventLog.readAfter(turn, 0);
        if (!kept.isEmpty() && !kept.get(0).conversationId().equals(conversation)) {
            live.get().close();
            return new FollowOutcome.NoTurn();
        }
        if (kept.isEmpty() || endedBefore(kept, afterSeq)) {
            live.get().close();
            return kept.isEmpty() ? fromStore(user, conversation, turn, afterSeq, listener) : new FollowOutcome.NoTurn();
        }
        kept.forEach(delivery::offer);
        if (!delivery.hasEnded()) {
            endIfLost(user, conversation, turn, kept.getLast().seq(), delivery);
        }
        if (delivery.hasEnded()) {
            live.get().close();
        }
        return new FollowOutcome.Following(turn, live.get());
    }

    /**
     * The log has the turn but not its end, and it runs on no instance here: when its lease has
     * expired it is ended now; when it holds no lease at all it already ended (its end may have
     * missed the log), so its stored reply ends the stream.
     */
    private void endIfLost(UserId user, ConversationId conversation, TurnId turn, long lastSeq,
                           OrderedDelivery delivery) {
        Optional<TurnLease> lease = leases.find(user, conversation).filter(held -> held.turn().equals(turn));
        if (lease.isPresent()) {
            if (lease.get().isExpiredAt(clock.instant())) {
                lostTurns.recover(lease.get());
            }
            return;
        }
        messages.find(user, conversation, new MessageId(turn.value()))
                .ifPresent(reply -> delivery.offer(StoredTurns.terminalEvent(reply, lastSeq + 1)));
    }

    /** A turn the event log no longer keeps (or never kept, on another process): its stored end, if any. */
    private FollowOutcome fromStore(UserId user, ConversationId conversation, TurnId turn, long afterSeq,
                                    TurnListener listener) {
        leases.find(user, conversation)
                .filter(held -> held.turn().equals(turn) && held.isExpiredAt(clock.instant()))
                .ifPresent(lostTurns::recover);
        return messages.find(user, conversation, new MessageId(turn.value()))
                .<FollowOutcome>map(reply -> {
                    try {
                        listener.onEvent(StoredTurns.terminalEvent(reply, Math.max(2, afterSeq + 1)));
                    } catch (RuntimeException e) {
                        // a listener that throws is detached: it gets nothing more
                    }
                    return new FollowOutcome.Following(turn, () -> { });
                })
                .orElseGet(FollowOutcome.NoTurn::new);
    }

    /** The client already saw the terminal event: nothing is left to replay. */
    private static boolean endedBefore(List<TurnEvent> kept, long afterSeq) {
        TurnEvent last = kept.get(kept.size() - 1);
        return last.isTerminal() && last.seq() <= afterSeq;
    }

    private static void closeIfSet(AtomicReference<Subscription> live) {
        Subscription subscription = live.get();
        if (subscription != null) {
            subscription.close();
        }
    }
}
