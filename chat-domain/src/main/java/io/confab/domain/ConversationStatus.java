package io.confab.domain;

import java.util.Locale;

/** Lifecycle state of a conversation, chosen by its owner. */
public enum ConversationStatus {
    ACTIVE, CLOSED, ARCHIVED;

    /** The wire name ({@code active}, {@code closed}, {@code archived}). */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ConversationStatus fromWire(String text) {
        for (ConversationStatus status : values()) {
            if (status.wireName().equals(text)) {
                return status;
            }
        }
        throw new ValidationException("status", "must be one of active, closed, archived");
    }
}
