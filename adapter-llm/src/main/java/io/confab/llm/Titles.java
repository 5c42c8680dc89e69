package io.confab.llm;

import java.util.Locale;

/** Tidies a conversation title proposed by a model or a heuristic: one short line, no quotes. */
public final class Titles {

    /** Longest title kept, in characters; longer ones are cut at a word boundary. */
    public static final int MAX_LENGTH = 60;

    private Titles() {
    }

    public static String clean(String raw) {
        String line = raw.strip().lines().findFirst().orElse("").strip();
        if (line.toLowerCase(Locale.ROOT).startsWith("title:")) {
            line = line.substring("title:".length()).strip();
        }
        line = line.replaceAll("^[\"'“”*#\\s]+|[\"'“”*\\s]+$", "");
        line = line.replaceAll("[.!?;:,]+$", "").replaceAll("\\s+", " ").strip();
        if (line.length() > MAX_LENGTH) {
            int cut = line.lastIndexOf(' ', MAX_LENGTH);
            line = line.substring(0, cut > 0 ? cut : MAX_LENGTH).strip();
        }
        return line.isEmpty() ? line : Character.toUpperCase(line.charAt(0)) + line.substring(1);
    }
}
