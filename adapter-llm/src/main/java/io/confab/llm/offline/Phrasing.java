package io.confab.llm.offline;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/** Text helpers for reading a request: politeness and punctuation off, quotes off, lists split. */
final class Phrasing {

    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Pattern TRAILING_PUNCTUATION = Pattern.compile("[\\s.!?]+$");
    /** Verbs a request may start with once "I'd like to" or "I want to" is taken off. */
    private static final String COMMAND_VERBS = "(?:add|create|delete|remove|rename|change|update|mark|complete|finish|tick"
            + "|check|see|show|list|view|know|put|note|jot|reopen|cancel|drop)";
    private static final Pattern LEADING_FILLER = Pattern.compile(
            "^(?:(?:hey|hi|hello|ok|okay|so|um|uh|oh|well|alright|right|now|confab|assistant)(?: there)?[,!]?\\s+(?=\\S)"
                    + "|(?:also|and|then|next|first|just|quickly|finally|after that|afterwards)[,:]?\\s+"
                    + "|(?:please|pls|plz|kindly)[,]?\\s+"
                    + "|(?:can|could|would|will) you(?: please| kindly| just)?\\s+"
                    + "|i(?:'d| would) like you to\\s+|i want you to\\s+|i need you to\\s+"
                    + "|i(?:'d| would) like to\\s+(?=" + COMMAND_VERBS + "\\b)"
                    + "|i want to\\s+(?=" + COMMAND_VERBS + "\\b))",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern TRAILING_FILLER = Pattern.compile(
            ",?\\s+(?:please|pls|plz|for me|thanks|thank you|thx|too|as well|if you can|if you could"
                    + "|when you get a chance|when you can)$", Pattern.CASE_INSENSITIVE);
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
