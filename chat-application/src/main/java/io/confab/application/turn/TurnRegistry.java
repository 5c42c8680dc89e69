package io.confab.application.turn;

import io.confab.application.TurnContext;
import io.confab.domain.ConversationId;
import io.confab.domain.MessageId;
import io.confab.domain.TurnId;
import io.confab.domain.event.TurnCancelRequested;
import io.confab.domain.port.EventBus;
import io.confab.domain.port.Subscription;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * The turns running on this instance, each on its own virtual thread owned by the server (a
 * client that goes away does not stop one). Supports cancel by conversation (also from another
 * instance: each turn listens on its conversation's channel for a {@link TurnCancelRequested}
 * naming it while it runs), late followers, and a graceful shutdown.
 */
public final class TurnRegistry {

    private final Map<TurnId, Entry> running = new ConcurrentHashMap<>();
    private final AtomicLong started = new AtomicLong();
    private final ExecutorService threads =
            Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("confab-turn-", 0).factory());
    private final EventBus bus;
    private final TurnContext context;
    private volatile boolean accepting = true;

    public TurnRegistry(EventBus bus) {
        this(bus, TurnContext.NONE);
    }

    public TurnRegistry(EventBus bus, TurnContext context) {
        this.bus = bus;
        this.context = context;
    }

    /**
     * Makes the turn findable (for retries, followers and cancel) before its user message is stored,
     * and so before any instance can learn of it and ask to cancel it.
     */
    void register(RunningTurn turn) {
        if (!accepting) {
            throw new IllegalStateException("Confab is shutting down");
        }
        Subscription cancelRequests = bus.subscribeConversation(turn.conversation, event -> {
            if (event instanceof TurnCancelRequested request && request.turnId().equals(turn.id)) {
                turn.cancellation.cancel();
            }
        });
        running.put(turn.id, new Entry(turn, started.incrementAndGet(), cancelRequests));
    }

    /** Forgets a turn that never ran (its user message was not stored). */
    void unregister(RunningTurn turn) {
        forget(turn);
    }

    /**
     * Runs the registered turn's {@code body} on a new virtual thread, in the calling request's
     * context; the turn is forgotten when it ends.
     */
    void run(RunningTurn turn, Runnable body) {
        threads.execute(context.carry(() -> {
            try {
                body.run();
            } finally {
                forget(turn);
            }
        }));
    }

    /** The turns running here now. */
    List<RunningTurn> running() {
        return running.values().stream().map(Entry::turn).toList();
    }

    Optional<RunningTurn> find(TurnId id) {
        return Optional.ofNullable(running.get(id)).map(Entry::turn);
    }

    /**
     * The most recently started turn of the conversation that is still running here. A finished
     * turn is passed over even while its thread has yet to forget it: a newer turn may already
     * have run and been forgotten, and the event log knows which one was last.
     */
    Optional<RunningTurn> latestIn(ConversationId conversation) {
        return inConversation(conversation)
                .filter(entry -> !entry.turn().isFinished())
                .max(Comparator.comparingLong(Entry::order))
                .map(Entry::turn);
    }

    Optional<RunningTurn> answering(ConversationId conversation, MessageId userMessage) {
        return inConversation(conversation).map(Entry::turn)
                .filter(turn -> turn.userMessageId.equals(userMessage))
                .findFirst();
    }

    /** Cancels every turn running here in the conversation; false when there was none. */
    boolean cancel(ConversationId conversation) {
        List<RunningTurn> turns = inConversation(conversation).map(Entry::turn)
                .filter(turn -> !turn.isFinished()).toList();
        turns.forEach(turn -> turn.cancellation.cancel());
        return !turns.isEmpty();
    }

    /** How many turns run here now. */
    public int runningCount() {
        return running.size();
    }

    /**
     * Stops accepting turns, lets running ones finish for up to {@code grace}, then cancels the rest
     * (they are stored as interrupted) and waits up to {@code grace} again for them to store.
     *
     * @return true when every turn ended
     */
    public boolean shutdown(Duration grace) {
        accepting = false;
        threads.shutdown();
        try {
            if (threads.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                return true;
            }
            running.values().forEach(entry -> entry.turn().cancellation.cancel());
            return threads.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void forget(RunningTurn turn) {
        Entry entry = running.remove(turn.id);
        if (entry != null) {
            entry.cancelRequests().close();
        }
    }

    private Stream<Entry> inConversation(ConversationId conversation) {
        return running.values().stream().filter(entry -> entry.turn().conversation.equals(conversation));
    }

    /** A running turn, when it started relative to the others, and its listener for cancel requests. */
    private record Entry(RunningTurn turn, long order, Subscription cancelRequests) {
    }
}
