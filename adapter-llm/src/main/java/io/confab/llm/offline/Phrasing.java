package io.confab.llm.offline;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/** Text helpers for reading a request: politeness and punctuation off, quotes off, lists split. */
final class Phrasing {

    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Pattern TRAILING_PUNCTUATION = Pattern.compile("[\\s.!?]+$");
    private static final Pattern LEADING_FILLER = Pattern.compile(
            "^(?:(?:hey|hi|hello|ok|okay|so|um|well|confab|assistant)[,!]?\\s+(?=\\S)"
                    + "|(?:please|pls|kindly)\\s+"
                    + "|(?:can|could|would|will) you(?: please)?\\s+"
                    + "|i(?:'d| would) like (?:you )?to\\s+(?=(?:add|create|delete|remove|rename|change|mark|complete|see|show|list)\\b)"
                    + "|i want (?:you )?to\\s+(?=(?:add|create|delete|remove|rename|change|mark|complete|see|show|list)\\b))",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern TRAILING_FILLER = Pattern.compile(
            ",?\\s+(?:please|pls|for me|thanks|thank you|thx)$", Pattern.CASE_INSENSITIVE);
    private static final Pattern QUOTES = Pattern.compile("^[\"'“”‘’«»]+|[\"'“”‘’«»]+$");
    private static final Pattern LIST_SEPARATOR = Pattern.compile("\\s*(?:,\\s*and\\s+|,|;|\\s+and\\s+|\\s+&\\s+|\\s+plus\\s+)\\s*",
            Pattern.CASE_INSENSITIVE);

    private Phrasing() {
    }

    /** The request without politeness, fillers, curly apostrophes, extra spaces or final punctuation. */
    static String normalize(String text) {
        String s = SPACES.matcher(text.replace('’', '\'').strip()).replaceAll(" ");
        String before;
        do {
            before = s;
            s = TRAILING_PUNCTUATION.matcher(s).replaceAll("");
            s = LEADING_FILLER.matcher(s).replaceFirst("");
            s = TRAILING_FILLER.matcher(s).replaceFirst("");
        } while (!s.equals(before));
        return s;
    }

    static String unquote(String text) {
        return QUOTES.matcher(text.strip()).replaceAll("").strip();
    }

    /** "milk, eggs and bread" → three titles. */
    static List<String> split(String text) {
        return Arrays.stream(LIST_SEPARATOR.split(text))
                .map(Phrasing::unquote)
                .filter(part -> !part.isEmpty())
                .toList();
    }
}
