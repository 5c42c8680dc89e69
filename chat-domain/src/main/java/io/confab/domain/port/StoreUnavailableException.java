package io.confab.domain.port;

/**
 * The store cannot be reached or lost its connection; nothing of the failed operation was
 * written. Adapters answer 503.
 */
public final class StoreUnavailableException extends RuntimeException {

    public StoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
