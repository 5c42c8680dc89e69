package io.confab.application.memory;

import io.confab.domain.ConversationId;
import io.confab.domain.TurnId;
import io.confab.domain.event.TurnEvent;
import io.confab.domain.port.EventLog;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The events of recent turns in memory (one instance, no Redis). Bounded: at most
 * {@code maxTurns} turns and about {@code maxBytes} of heap are kept (the oldest started turn goes
 * first; a turn's size is estimated from its text), and a turn is forgotten {@code ttl} after its
 * last event, measured on the injected clock. Thread-safe (one monitor).
 */
public final class InMemoryEventLog implements EventLog {

    public static final Duration DEFAULT_TTL = Duration.ofMinutes(15);
    public static final int DEFAULT_MAX_TURNS = 10_000;
    /**
     * A few thousand turns of a few KB: the log serves streams that resume or follow a recent turn; a
     * finished turn it no longer holds is read back from the store.
     */
    public static final long DEFAULT_MAX_BYTES = 16L << 20;
    /** What an event costs beside its text: the event, its ids and instant, the list slot (estimated). */
    private static final long EVENT_OVERHEAD = 160;

    private final Clock clock;
    private final Duration ttl;
    private final int maxTurns;
    private final long maxBytes;
    private long bytes;
    private final LinkedHashMap<TurnId, TurnLog> turns = new LinkedHashMap<>();
    private final Map<ConversationId, TurnId> latestByConversation = new HashMap<>();

    public InMemoryEventLog(Clock clock, Duration ttl, int maxTurns, long maxBytes) {
        if (ttl.isNegative() || ttl.isZero() || maxTurns < 1 || maxBytes < 1) {
            throw new IllegalArgumentException("ttl, maxTurns and maxBytes must be positive");
        }
        this.clock = clock;
        this.ttl = ttl;
        this.maxTurns = maxTurns;
        this.maxBytes = maxBytes;
    }

    /** Keeps turns for {@link #DEFAULT_TTL}, at most {@link #DEFAULT_MAX_TURNS} of them in {@link #DEFAULT_MAX_BYTES}. */
    public InMemoryEventLog(Clock clock) {
        this(clock, DEFAULT_TTL, DEFAULT_MAX_TURNS, DEFAULT_MAX_BYTES);
    }

    @Override
    public synchronized void append(TurnEvent event) {
        Instant now = clock.instant();
        evictExpired(now);
        TurnLog log = live(event.turnId(), now).orElseGet(() -> start(event));
        long size = estimatedSize(event);
        log.append(event, size);
        log.lastAppend = now;
        bytes += size;
        Iterator<Map.Entry<TurnId, TurnLog>> oldest = turns.entrySet().iterator();
        while (bytes > maxBytes && turns.size() > 1 && forgetIf(oldest, any -> true)) {
            // each round forgot the oldest turn (never the one just appended to, the newest)
        }
    }

    /** How much heap the event holds, roughly: its text in UTF-16 plus a fixed overhead. */
    static long estimatedSize(TurnEvent event) {
        long text = switch (event) {
            case TurnEvent.Chunk chunk -> chunk.content().length();
            case TurnEvent.MessageCreated created -> created.message().content().length();
            case TurnEvent.Completed completed -> completed.message().content().length();
            case TurnEvent.Cancelled cancelled -> cancelled.message().content().length();
            default -> 0;
        };
        return EVENT_OVERHEAD + 2 * text;
    }

    @Override
    public synchronized List<TurnEvent> readAfter(TurnId turn, long afterSeq) {
        return live(turn, clock.instant())
                .map(log -> log.after(afterSeq))
                .orElse(List.of());
    }

    @Override
    public synchronized Optional<TurnId> latestTurn(ConversationId conversation) {
        Instant now = clock.instant();
        return Optional.ofNullable(latestByConversation.get(conversation))
                .filter(turn -> live(turn, now).isPresent());
    }

    private TurnLog start(TurnEvent first) {
        TurnLog log = new TurnLog(first.conversationId());
        TurnLog expired = turns.remove(first.turnId());
        if (expired != null) {
            bytes -= expired.bytes;
        }
        turns.put(first.turnId(), log);
        latestByConversation.put(first.conversationId(), first.turnId());
        Iterator<Map.Entry<TurnId, TurnLog>> oldest = turns.entrySet().iterator();
        while (turns.size() > maxTurns && forgetIf(oldest, any -> true)) {
            // each round forgot the oldest turn
        }
        return log;
    }

    private Optional<TurnLog> live(TurnId turn, Instant now) {
        return Optional.ofNullable(turns.get(turn)).filter(log -> !log.expiredAt(now, ttl));
    }

    /** Drops expired turns from the oldest end; a live old turn stops the sweep (reads check expiry anyway). */
    private void evictExpired(Instant now) {
        Iterator<Map.Entry<TurnId, TurnLog>> oldest = turns.entrySet().iterator();
        while (oldest.hasNext() && forgetIf(oldest, log -> log.expiredAt(now, ttl))) {
            // each round forgot one expired turn
        }
    }

    private boolean forgetIf(Iterator<Map.Entry<TurnId, TurnLog>> oldest, Predicate<TurnLog> test) {
        Map.Entry<TurnId, TurnLog> entry = oldest.next();
        if (!test.test(entry.getValue())) {
            return false;
        }
        oldest.remove();
        bytes -= entry.getValue().bytes;
        latestByConversation.remove(entry.getValue().conversation, entry.getKey());
        return true;
    }

    /** The events of one turn, packed up to its last terminal one, and when it last grew. */
    private static final class TurnLog {

        private final ConversationId conversation;
        private PackedTurnEvents packed = PackedTurnEvents.EMPTY;
        /** The events since the last terminal one (all of them while the turn runs). */
        private List<TurnEvent> open = new ArrayList<>();
        private Instant lastAppend = Instant.MIN;
        /** The estimated heap its events hold. */
        private long bytes;

        TurnLog(ConversationId conversation) {
            this.conversation = conversation;
        }

        void append(TurnEvent event, long size) {
            bytes += size;
            open.add(event);
            if (event.isTerminal()) {
                packed = packed.with(open);
                open = new ArrayList<>();
            }
        }

        List<TurnEvent> after(long seq) {
            List<TurnEvent> events = packed.after(seq);
            open.stream().filter(e -> e.seq() > seq).forEach(events::add);
            return Collections.unmodifiableList(events);
        }

        boolean expiredAt(Instant now, Duration ttl) {
            return !lastAppend.plus(ttl).isAfter(now);
        }
    }
}
