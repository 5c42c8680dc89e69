package io.confab.application.turn;

import io.confab.application.usecase.TurnListener;
import io.confab.application.usecase.TurnOutcome;
import io.confab.domain.Cancellation;
import io.confab.domain.ConversationId;
import io.confab.domain.MessageId;
import io.confab.domain.TurnId;
import io.confab.domain.UserId;
import io.confab.domain.event.TurnEvent;
import io.confab.domain.port.Subscription;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * A turn running on this instance: its stop signal, every event so far (so late followers get the
 * whole stream), the listeners following it live, and its outcome once finished.
 */
final class RunningTurn {

    private static final System.Logger LOG = System.getLogger(RunningTurn.class.getName());

    final TurnId id;
    final UserId user;
    final ConversationId conversation;
    final MessageId userMessageId;
    final Cancellation cancellation = new Cancellation();
    private final List<TurnEvent> events = new ArrayList<>();
    private final List<TurnListener> listeners = new ArrayList<>();
    private final CompletableFuture<TurnOutcome.Finished> outcome = new CompletableFuture<>();
    /** Set once the turn holds its conversation's lease (it is registered a moment before). */
    private volatile boolean leased;
    /** Set as the turn lets its lease go (before its terminal event). */
    private volatile boolean released;

    RunningTurn(TurnId id, UserId user, ConversationId conversation, MessageId userMessageId) {
        this.id = id;
        this.user = user;
        this.conversation = conversation;
        this.userMessageId = userMessageId;
    }

    /** Records the event and hands it to every live listener; a listener that throws is detached. */
    synchronized void deliver(TurnEvent event) {
        events.add(event);
        listeners.removeIf(listener -> !notify(listener, event));
        if (event.isTerminal()) {
            listeners.clear();
        }
    }

    /**
     * Replays the events after {@code afterSeq} to {@code listener}, then keeps it following; empty
     * when the turn already ended and nothing after {@code afterSeq} is left to send.
     */
    synchronized Optional<Subscription> follow(TurnListener listener, long afterSeq) {
        boolean delivered = false;
        for (TurnEvent event : events) {
            if (event.seq() > afterSeq) {
                if (!notify(listener, event)) {
                    return Optional.of(() -> { });
                }
                delivered = true;
            }
        }
        boolean ended = !events.isEmpty() && events.get(events.size() - 1).isTerminal();
        if (ended) {
            return delivered ? Optional.of(() -> { }) : Optional.empty();
        }
        listeners.add(listener);
        return Optional.of(() -> unfollow(listener));
    }

    void leased() {
        leased = true;
    }

    void released() {
        released = true;
    }

    /** True while the turn holds a lease to renew: claimed and not yet released. */
    boolean holdsLease() {
        return leased && !released;
    }

    void finish(TurnOutcome.Finished finished) {
        outcome.complete(finished);
    }

    /** Waits for the end of the turn (turns always end: the model call has its own timeouts). */
    TurnOutcome.Finished awaitOutcome() {
        return outcome.join();
    }

    boolean isFinished() {
        return outcome.isDone();
    }

    private synchronized void unfollow(TurnListener listener) {
        listeners.remove(listener);
    }

    private static boolean notify(TurnListener listener, TurnEvent event) {
        try {
            listener.onEvent(event);
            return true;
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "detached a turn listener that failed on " + event.type(), e);
            return false;
        }
    }
}
