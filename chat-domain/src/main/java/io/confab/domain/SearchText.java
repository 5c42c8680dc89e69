package io.confab.domain;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The words of a search and the snippet around them, for stores without a full-text engine of
 * their own (PostgreSQL's parser and {@code ts_headline} do this there): a word is a run of letters
 * and digits, compared lower-cased.
 */
public final class SearchText {

    private static final Pattern NOT_A_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");
    /** Characters of context kept before the first match. */
    private static final int LEAD = 60;

    private SearchText() {
    }

    /** The distinct lower-cased words of {@code text}, in order. */
    public static List<String> words(String text) {
        return tokens(text).stream().distinct().toList();
    }

    /** Every lower-cased word of {@code text}, in order, repeats included. */
    public static List<String> tokens(String text) {
        return Arrays.stream(NOT_A_WORD.split(text.toLowerCase(Locale.ROOT)))
                .filter(word -> !word.isEmpty())
                .toList();
    }

    /**
     * Plain text around the first occurrence of any of {@code words} in {@code text}: some context
     * before it, cut at a space, then as much as {@link SearchHit#MAX_SNIPPET} allows.
     */
    public static String snippet(String text, List<String> words) {
        String lower = text.toLowerCase(Locale.ROOT);
        int first = words.stream().mapToInt(lower::indexOf).filter(at -> at >= 0).min().orElse(0);
        first = Math.min(first, text.length()); // lower-casing may lengthen a few characters
        int start = Math.max(0, first - LEAD);
        if (start > 0) {
            int space = text.indexOf(' ', start);
            start = space >= 0 && space < first ? space + 1 : start;
        }
        String window = text.substring(start, Math.min(text.length(), start + SearchHit.MAX_SNIPPET - 2)).strip();
        return start > 0 ? "…" + window : window;
    }
}
