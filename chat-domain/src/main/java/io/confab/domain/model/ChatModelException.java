package io.confab.domain.model;

/**
 * The model provider could not produce a reply (after the adapter's own retries). The turn ends
 * as {@code failed}; adapters answer 502, or 504 for {@link Kind#TIMEOUT}. The message is shown to
 * end users as it is, so it names no host, URL or class; {@link #detail()} has those, for the log.
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
    private final String detail;

    /**
     * @param message what the end user is told: no internal host, URL or class name
     * @param detail  what the operator's log gets: the endpoint, the provider's own words, the cause
     */
    public ChatModelException(Kind kind, String message, String detail, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.detail = detail;
    }

    /** A failure whose user-facing message is all there is to say. */
    public ChatModelException(Kind kind, String message, Throwable cause) {
        this(kind, message, message, cause);
    }

    public ChatModelException(Kind kind, String message) {
        this(kind, message, null);
    }

    public Kind kind() {
        return kind;
    }

    /** The internal detail for the log (endpoint, provider text, cause); never shown to end users. */
    public String detail() {
        return detail;
    }
}
