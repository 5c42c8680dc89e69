package io.confab.domain;

import java.util.Objects;
import java.util.UUID;

/** Identifies a message; generated time-ordered, so ids sort like creation times. */
public record MessageId(UUID value) {

    public MessageId {
        Objects.requireNonNull(value, "value");
    }

    /** Parses the textual form; a malformed id is a validation error, not a bug. */
    public static MessageId parse(String text) {
        try {
            return new MessageId(UUID.fromString(text));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new ValidationException("message_id", "is not a valid id");
        }
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
