package io.confab.domain.port;

import java.util.Objects;

/**
 * The store cannot be reached or lost its connection; nothing of the failed operation was
 * written. Adapters answer 503, naming {@link #store() which store} is down.
 */
public final class StoreUnavailableException extends RuntimeException {

    /** Which store is down: the database (conversations, messages, tasks) or the event log (resuming, live updates). */
    public enum Store { DATABASE, EVENT_LOG }

    private final Store store;

    /** The database is unavailable. */
    public StoreUnavailableException(String message, Throwable cause) {
        this(Store.DATABASE, message, cause);
    }

    public StoreUnavailableException(Store store, String message, Throwable cause) {
        super(message, cause);
        this.store = Objects.requireNonNull(store, "store");
    }

    public Store store() {
        return store;
    }
}
