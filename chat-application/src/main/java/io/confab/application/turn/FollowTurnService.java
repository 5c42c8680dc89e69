package io.confab.application.turn;

import io.confab.application.ConfabPorts;
import io.confab.application.usecase.FollowTurnUseCase;
import io.confab.application.usecase.TurnListener;
import io.confab.domain.ConversationId;
import io.confab.domain.TurnId;
import io.confab.domain.UserId;
import io.confab.domain.event.TurnEvent;
import io.confab.domain.port.Subscription;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Resumes a turn's stream after a position. A turn running here is followed from its own buffer;
 * any other is replayed from the event log and then followed live on the event bus (subscribed
 * before reading, merged by seq), so a turn running on another instance streams here too.
 */
public final class FollowTurnService implements FollowTurnUseCase {

    private final ConfabPorts ports;
    private final TurnRegistry registry;

    public FollowTurnService(ConfabPorts ports, TurnRegistry registry) {
        this.ports = ports;
        this.registry = registry;
    }

    @Override
    public FollowOutcome follow(UserId user, ConversationId conversation, Optional<TurnPosition> after,
                                TurnListener listener) {
        if (ports.conversations().find(user, conversation).isEmpty()) {
            return new FollowOutcome.NotFound();
        }
        long afterSeq = Math.max(0, after.map(TurnPosition::seq).orElse(0L));
        Optional<TurnId> turn = after.map(TurnPosition::turn)
                .or(() -> registry.latestIn(conversation).map(running -> running.id))
                .or(() -> ports.eventLog().latestTurn(conversation));
        if (turn.isEmpty()) {
            return new FollowOutcome.NoTurn();
        }
        Optional<RunningTurn> local = registry.find(turn.get()).filter(running -> running.conversation.equals(conversation));
        if (local.isPresent()) {
            return local.get().follow(listener, afterSeq)
                    .<FollowOutcome>map(subscription -> new FollowOutcome.Following(turn.get(), subscription))
                    .orElseGet(FollowOutcome.NoTurn::new);
        }
        return fromLog(conversation, turn.get(), afterSeq, listener);
    }

    private FollowOutcome fromLog(ConversationId conversation, TurnId turn, long afterSeq, TurnListener listener) {
        AtomicReference<Subscription> live = new AtomicReference<>();
        OrderedDelivery delivery = new OrderedDelivery(listener, afterSeq, () -> closeIfSet(live));
        live.set(ports.eventBus().subscribeConversation(conversation, event -> {
            if (event instanceof TurnEvent turnEvent && turnEvent.turnId().equals(turn)) {
                delivery.offer(turnEvent);
            }
        }));
        List<TurnEvent> kept = ports.eventLog().readAfter(turn, 0);
        if (kept.isEmpty() || !kept.get(0).conversationId().equals(conversation) || endedBefore(kept, afterSeq)) {
            live.get().close();
            return new FollowOutcome.NoTurn();
        }
        kept.forEach(delivery::offer);
        if (delivery.hasEnded()) {
            live.get().close();
        }
        return new FollowOutcome.Following(turn, live.get());
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
