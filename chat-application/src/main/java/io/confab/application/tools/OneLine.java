package io.confab.application.tools;

/** An exception and its causes as one log line: the log keeps one line per event. */
public final class OneLine {

    private static final int MAX_CAUSES = 8;

    private OneLine() {
    }

    /** {@code DataAccessException: SQL [select …] <- PSQLException: …}, whitespace collapsed. */
    public static String of(Throwable error) {
        StringBuilder line = new StringBuilder();
        Throwable current = error;
        for (int depth = 0; current != null && depth < MAX_CAUSES; depth++) {
            line.append(depth == 0 ? "" : " <- ").append(current.getClass().getSimpleName());
            if (current.getMessage() != null) {
                line.append(": ").append(current.getMessage());
            }
            current = current.getCause() == current ? null : current.getCause();
        }
        return line.toString().replaceAll("\\s+", " ");
    }
}
