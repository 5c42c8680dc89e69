package io.confab.application.turn;

import java.util.Locale;
import java.util.Optional;

/**
 * Conversation titles, tidied in one place: from the user's first message (all of it, on one
 * line) or from a model's suggestion (its first line, without a "Title:" prefix, quotes or a final
 * period, capitalised); both without NUL characters, at most 60 characters cut at a word.
 */
final class Titles {

    static final int MAX_LENGTH = 60;
    private static final String PREFIX = "title:";

    private Titles() {
    }

    /** The title made of a user's message. */
    static String from(String text) {
        return shortened(oneLine(text));
    }

    /** The title a model suggested, tidied; empty when nothing is left of it. */
    static Optional<String> fromSuggestion(String suggestion) {
        String line = ModelRound.storable(suggestion).strip().lines().findFirst().orElse("").strip();
        if (line.toLowerCase(Locale.ROOT).startsWith(PREFIX)) {
            line = line.substring(PREFIX.length());
        }
        line = oneLine(line.replaceAll("^[\"'“”*#\\s]+|[\"'“”*\\s]+$", "").replaceAll("[.!?;:,]+$", ""));
        return line.isEmpty() ? Optional.empty()
                : Optional.of(shortened(Character.toUpperCase(line.charAt(0)) + line.substring(1)));
    }

    private static String oneLine(String text) {
        return ModelRound.storable(text).strip().replaceAll("\\s+", " ");
    }

    private static String shortened(String line) {
        if (line.length() <= MAX_LENGTH) {
            return line;
        }
        String cut = line.substring(0, MAX_LENGTH - 1);
        int space = cut.lastIndexOf(' ');
        return (space >= MAX_LENGTH / 3 ? cut.substring(0, space) : cut).strip() + "…";
    }
}
