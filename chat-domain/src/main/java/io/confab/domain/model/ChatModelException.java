package io.confab.domain.model;

/**
 * The model provider could not produce a reply (after the adapter's own retries). The turn ends
 * as {@code failed}; adapters answer 502, or 504 for {@link Kind#TIMEOUT}.
 */
public final class ChatModelException extends RuntimeException {

    /** What went wrong, as far as the caller needs to know. */
    public enum Kind {
        /** The provider refused or broke (5xx, 429 after retries, bad response, lost connection). */
        UNAVAILABLE,
        /** No answer within the configured timeout. */
        TIMEOUT,
        /** The provider rejected our configuration (bad key, unknown model). */
        MISCONFIGURED
    }

    private final Kind kind;

    public ChatModelException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public ChatModelException(Kind kind, String message) {
        this(kind, message, null);
    }

    public Kind kind() {
        return kind;
    }
}
