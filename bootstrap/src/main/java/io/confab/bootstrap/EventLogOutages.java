package io.confab.bootstrap;

import io.confab.domain.ConversationId;
import io.confab.domain.TurnId;
import io.confab.domain.event.TurnEvent;
import io.confab.domain.port.EventLog;
import io.confab.domain.port.StoreUnavailableException;
import io.confab.domain.port.StoreUnavailableException.Store;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Reports a shared event log's outage as the event log's ({@link Store#EVENT_LOG}), so a resume
 * while Redis is down is answered "live updates are unavailable", not "the database is".
 */
record EventLogOutages(EventLog log) implements EventLog {

    @Override
    public void append(TurnEvent event) {
        labelled(() -> {
            log.append(event);
            return null;
        });
    }

    @Override
    public List<TurnEvent> readAfter(TurnId turn, long afterSeq) {
        return labelled(() -> log.readAfter(turn, afterSeq));
    }

    @Override
    public Optional<TurnId> latestTurn(ConversationId conversation) {
        return labelled(() -> log.latestTurn(conversation));
    }

    private static <T> T labelled(Supplier<T> operation) {
        try {
            return operation.get();
        } catch (StoreUnavailableException e) {
            throw e.store() == Store.EVENT_LOG ? e : new StoreUnavailableException(Store.EVENT_LOG, e.getMessage(), e.getCause());
        }
    }
}
