package io.confab.llm.offline;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits a message into the requests it makes, in order: "add buy milk and then show my list"
 * is an addition, then a listing. Sentences and connectors such as "then", "and also" or "after
 * that" always separate requests; a bare "and" or comma does only when what follows is a request
 * of its own that cannot be part of a title (a listing, or tasks named by number), so "add milk
 * and eggs" stays one request. Bulleted or numbered lines, and the lines after one ending in a
 * colon, are the items of a list ("add the following:\n- milk\n- eggs").
 */
final class Clauses {

    /** Longer messages are read as one request: splitting tries the parser at every "and" and comma. */
    private static final int MAX_SPLIT_LENGTH = 600;
    private static final Pattern BULLET = Pattern.compile("^\\s*(?:[-*•+]|\\d+[.)])\\s+");
    /** What always separates two requests. */
    private static final List<String> CONNECTORS = List.of(
            "(?<=[.!?])\\s+",                                          // a new sentence
            "\\s*;\\s+(?=(?:then|also|and)\\b)",                       // "…; then …"
            ",?\\s+and (?:then|also|after that|afterwards),?\\s+",     // "… and then …"
            ",?\\s+(?:then|after that|afterwards),?\\s+",              // "…, then …", "… after that …"
            ",\\s*also,?\\s+");                                        // "…, also …"
    private static final Pattern STRONG = Pattern.compile(String.join("|", CONNECTORS), Pattern.CASE_INSENSITIVE);
    private static final Pattern WEAK = Pattern.compile(",\\s*(?:and\\s+)?|\\s+and\\s+", Pattern.CASE_INSENSITIVE);

    private final IntentParser parser;

    Clauses(IntentParser parser) {
        this.parser = parser;
    }

    /**
     * The intents of the message, in order. Greetings and thanks around a request are dropped;
     * when a piece is not understood, the message is read as one request.
     */
    List<Intent> intents(String message) {
        String text = joinLines(message);
        if (text.length() > MAX_SPLIT_LENGTH) {
            return List.of(parser.parse(text));
        }
        List<Intent> intents = new ArrayList<>();
        for (String piece : STRONG.split(text)) {
            if (!Phrasing.normalize(piece).isEmpty()) {
                intents.addAll(weakSplit(piece));
            }
        }
        List<Intent> requests = intents.stream()
                .filter(intent -> !(intent instanceof Intent.Greeting || intent instanceof Intent.Thanks))
                .toList();
        if (intents.size() <= 1 || intents.stream().anyMatch(Intent.Unknown.class::isInstance)) {
            return List.of(parser.parse(text));
        }
        return requests.isEmpty() ? List.of(intents.getFirst()) : requests;
    }

    /** A piece split at its first "and" or comma that starts a request of its own. */
    private List<Intent> weakSplit(String piece) {
        Matcher matcher = WEAK.matcher(piece);
        while (matcher.find()) {
            Intent rest = parser.parse(piece.substring(matcher.end()));
            Intent first = parser.parse(piece.substring(0, matcher.start()));
            if (standsAlone(rest) && !(first instanceof Intent.Unknown)) {
                List<Intent> intents = new ArrayList<>(List.of(first));
                intents.addAll(weakSplit(piece.substring(matcher.end())));
                return intents;
            }
        }
        return List.of(parser.parse(piece));
    }

    /** A request that cannot be the tail of a title or a list of titles. */
    private static boolean standsAlone(Intent intent) {
        return switch (intent) {
            case Intent.ListTasks ignored -> true;
            case Intent.SetCompleted set -> set.refs().stream().allMatch(TaskRef.ById.class::isInstance);
            case Intent.DeleteTasks delete -> delete.refs().stream().allMatch(TaskRef.ById.class::isInstance);
            case Intent.Rename rename -> rename.ref() instanceof TaskRef.ById;
            default -> false;
        };
    }

    /**
     * Lines as one text: bulleted lines, and plain lines after one ending in a colon, are list
     * items joined by commas after their heading; other lines are sentences.
     */
    private static String joinLines(String message) {
        StringBuilder text = new StringBuilder();
        boolean afterHeading = false;
        boolean afterItem = false;
        for (String line : message.strip().split("\\R")) {
            String item = BULLET.matcher(line).replaceFirst("").strip();
            if (item.isEmpty()) {
                continue;
            }
            boolean bullet = !item.equals(line.strip());
            boolean listItem = bullet || afterHeading;
            if (!text.isEmpty()) {
                char last = text.charAt(text.length() - 1);
                text.append(listItem ? (afterItem ? ", " : last == ':' ? " " : ": ")
                        : ".!?:".indexOf(last) >= 0 ? " " : ". ");
            }
            text.append(item);
            afterItem = listItem;
            afterHeading = item.endsWith(":") || (afterHeading && !bullet);
        }
        return text.toString();
    }
}
