package io.confab.llm.offline;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Rough word stems, so that a task can be named in another form of its words: "calling mom"
 * finds "call mom", "bought the milk" finds "buy milk", "the bikes" finds "fix bike". Both sides
 * are stemmed the same way, so a stem need not be a real word ("make" and "making" both give "mak").
 */
final class Stems {

    /** Irregular past forms of verbs people put on task lists, and their base form. */
    static final Map<String, String> IRREGULAR_PAST = Map.ofEntries(
            Map.entry("bought", "buy"), Map.entry("brought", "bring"), Map.entry("paid", "pay"),
            Map.entry("made", "make"), Map.entry("took", "take"), Map.entry("taken", "take"),
            Map.entry("wrote", "write"), Map.entry("written", "write"), Map.entry("sent", "send"),
            Map.entry("did", "do"), Map.entry("got", "get"), Map.entry("went", "go"), Map.entry("gone", "go"),
            Map.entry("fed", "feed"), Map.entry("met", "meet"), Map.entry("ran", "run"), Map.entry("found", "find"),
            Map.entry("gave", "give"), Map.entry("given", "give"), Map.entry("sold", "sell"), Map.entry("told", "tell"),
            Map.entry("swept", "sweep"), Map.entry("spoke", "speak"),
            Map.entry("drove", "drive"), Map.entry("ate", "eat"), Map.entry("built", "build"),
            Map.entry("hung", "hang"), Map.entry("caught", "catch"),
            Map.entry("won", "win"), Map.entry("threw", "throw"), Map.entry("thrown", "throw"));

    /** Words that say nothing about which task is meant. */
    private static final Set<String> FILLER = Set.of("the", "a", "an", "my", "our", "your", "some", "this", "that");

    /** Suffixes taken off (again and again: "meetings", "meeting", "meet"), longest first; "ies" becomes "y". */
    private static final List<String> SUFFIXES = List.of("ies", "ing", "ed", "es", "s");

    private static final String VOWELS = "aeiou";

    private Stems() {
    }

    /** The stems of the words of a (normalized) text, filler words left out. */
    static List<String> of(String text) {
        return Arrays.stream(text.toLowerCase(Locale.ROOT).split(" "))
                .filter(word -> !word.isEmpty() && !FILLER.contains(word))
                .map(Stems::stem)
                .toList();
    }

    static String stem(String word) {
        String base = IRREGULAR_PAST.getOrDefault(word, word);
        for (String shorter = withoutSuffix(base); !shorter.equals(base); shorter = withoutSuffix(base)) {
            base = shorter;
        }
        if (base.length() > 3 && base.endsWith("e")) {
            base = base.substring(0, base.length() - 1);
        }
        int n = base.length();
        if (n > 3 && base.charAt(n - 1) == base.charAt(n - 2) && VOWELS.indexOf(base.charAt(n - 1)) < 0) {
            base = base.substring(0, n - 1);
        }
        return base;
    }

    /** The word without its first matching suffix, or the word itself; at least three letters stay. */
    private static String withoutSuffix(String word) {
        for (String suffix : SUFFIXES) {
            int cut = word.length() - suffix.length();
            boolean vowelBeforeEd = suffix.equals("ed") && cut > 0 && VOWELS.indexOf(word.charAt(cut - 1)) >= 0;
            if (word.endsWith(suffix) && cut >= 3 && !word.endsWith("ss") && !vowelBeforeEd) {
                return word.substring(0, cut) + (suffix.equals("ies") ? "y" : "");
            }
        }
        return word;
    }
}
