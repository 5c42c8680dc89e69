package io.confab.domain;

import java.util.Objects;
import java.util.UUID;

/** Identifies one agent turn (equal to the id of the assistant message it produces); SSE ids are {@code <turn>:<seq>}. */
public record TurnId(UUID value) {

    public TurnId {
        Objects.requireNonNull(value, "value");
    }

    /** Parses the textual form; a malformed id is a validation error, not a bug. */
    public static TurnId parse(String text) {
        try {
            return new TurnId(UUID.fromString(text));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new ValidationException("turn_id", "is not a valid id");
        }
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
