package io.confab.benchmarks.load;

import io.confab.domain.ConversationId;
import io.confab.domain.event.TurnEvent;
import io.confab.domain.port.EventBus;
import io.confab.domain.port.Subscription;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;

/**
 * When each turn event was published on one instance, keyed by {@code <turn_id>:<seq>} (the SSE
 * event id): a listener on that instance's {@link EventBus} reads {@link System#nanoTime()} first
 * thing. The bus calls its local listeners on the publishing thread, before it hands the event to
 * Redis, so the stamp is the moment of the publication.
 */
final class PublishStamps {

    private final Map<String, Long> nanos = new ConcurrentHashMap<>();

    /** Stamps every turn event of {@code conversation} published on {@code bus}. */
    Subscription observe(EventBus bus, ConversationId conversation) {
        return bus.subscribeConversation(conversation, event -> {
            long now = System.nanoTime();
            if (event instanceof TurnEvent turn) {
                nanos.putIfAbsent(key(turn.turnId().toString(), turn.seq()), now);
            }
        });
    }

    /** When event {@code seq} of turn {@code turnId} was published; empty if it was not seen. */
    OptionalLong stamp(String turnId, long seq) {
        Long stamp = nanos.get(key(turnId, seq));
        return stamp == null ? OptionalLong.empty() : OptionalLong.of(stamp);
    }

    /** How many events were published at or after {@code fromNanos}. */
    long publishedSince(long fromNanos) {
        return nanos.values().stream().filter(stamp -> stamp >= fromNanos).count();
    }

    private static String key(String turnId, long seq) {
        return turnId + ":" + seq;
    }
}
