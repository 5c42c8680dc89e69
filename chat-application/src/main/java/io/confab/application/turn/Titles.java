package io.confab.application.turn;

/**
 * A conversation title from a text (the model's suggestion, else the first user message): on one
 * line, without NUL characters, at most 60 characters cut at a word.
 */
final class Titles {

    static final int MAX_LENGTH = 60;

    private Titles() {
    }

    static String from(String text) {
        String line = ModelRound.storable(text).strip().replaceAll("\\s+", " ");
        if (line.length() <= MAX_LENGTH) {
            return line;
        }
        String cut = line.substring(0, MAX_LENGTH - 1);
        int space = cut.lastIndexOf(' ');
        return (space >= MAX_LENGTH / 3 ? cut.substring(0, space) : cut).strip() + "…";
    }
}
