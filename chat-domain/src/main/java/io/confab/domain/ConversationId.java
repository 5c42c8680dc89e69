package io.confab.domain;

import java.util.Objects;
import java.util.UUID;

/** Identifies a conversation. */
public record ConversationId(UUID value) {

    public ConversationId {
        Objects.requireNonNull(value, "value");
    }

    /** Parses the textual form; a malformed id is a validation error, not a bug. */
    public static ConversationId parse(String text) {
        try {
            return new ConversationId(UUID.fromString(text));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new ValidationException("conversation_id", "is not a valid id");
        }
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
