package io.confab.application.turn;

import io.confab.application.usecase.TurnListener;
import io.confab.domain.event.TurnEvent;
import java.util.TreeMap;

/**
 * Merges a turn's replayed events (event log) with its live ones (event bus) for one listener:
 * each seq is delivered once, in order, without gaps; early live events wait for the replay to
 * catch up. Ends at the terminal event, then runs {@code onEnd}.
 */
final class OrderedDelivery {

    private final TurnListener listener;
    private final Runnable onEnd;
    private final TreeMap<Long, TurnEvent> early = new TreeMap<>();
    private long next;
    private boolean ended;

    OrderedDelivery(TurnListener listener, long afterSeq, Runnable onEnd) {
        this.listener = listener;
        this.onEnd = onEnd;
        this.next = afterSeq + 1;
    }

    synchronized void offer(TurnEvent event) {
        if (ended || event.seq() < next) {
            return;
        }
        early.put(event.seq(), event);
        while (!ended && early.containsKey(next)) {
            TurnEvent due = early.remove(next++);
            boolean delivered = deliver(due);
            ended = due.isTerminal() || !delivered;
        }
        if (ended) {
            early.clear();
            onEnd.run();
        }
    }

    synchronized boolean hasEnded() {
        return ended;
    }

    private boolean deliver(TurnEvent event) {
        try {
            listener.onEvent(event);
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }
}
