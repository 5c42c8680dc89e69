package io.confab.domain;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/** A user's rating of a message (thumbs up or down), with an optional comment (SPEC §16). */
public record Feedback(Rating rating, Optional<String> comment) {

    public static final int MAX_COMMENT = 2_000;

    /** Thumbs up or down, sent and stored as {@code up} / {@code down}. */
    public enum Rating {
        UP, DOWN;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** The rating of a wire name; a {@link ValidationException} on {@code rating} for anything else. */
        public static Rating fromWire(String text) {
            for (Rating rating : values()) {
                if (rating.wireName().equals(text)) {
                    return rating;
                }
            }
            throw new ValidationException("rating", "must be up or down");
        }
    }

    public Feedback {
        Objects.requireNonNull(rating, "rating");
        comment = comment.map(String::strip).filter(text -> !text.isEmpty());
        if (comment.isPresent() && comment.get().length() > MAX_COMMENT) {
            throw new ValidationException("comment", "must be at most " + MAX_COMMENT + " characters");
        }
        comment = comment.map(text -> UserText.withoutNul("comment", text));
    }
}
