package io.confab.benchmarks.load;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** Renders results as a Markdown table (readable in a terminal, pasteable into the docs). */
final class ResultTable {

    private static final String[] HEADER = {"scenario", "variant", "ops", "ops/s", "p50 ms", "p90 ms", "p99 ms",
            "max ms", "errors", "notes"};

    private ResultTable() {
    }

    static String format(List<ScenarioResult> results) {
        List<String[]> rows = new ArrayList<>();
        rows.add(HEADER);
        for (ScenarioResult result : results) {
            rows.add(row(result));
        }
        int[] widths = new int[HEADER.length];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        StringBuilder out = new StringBuilder();
        line(out, rows.get(0), widths);
        StringBuilder rule = new StringBuilder("|");
        for (int i = 0; i < widths.length; i++) {
            boolean numeric = i >= 2 && i <= 8;
            rule.append("-".repeat(widths[i] + 1)).append(numeric ? ":" : "-").append("|");
        }
        out.append(rule).append('\n');
        rows.subList(1, rows.size()).forEach(row -> line(out, row, widths));
        return out.toString();
    }

    private static String[] row(ScenarioResult result) {
        Histogram.Summary latency = result.latency();
        return new String[] {result.scenario(), result.variant(), Long.toString(result.operations()),
                decimal(result.throughput(), 1), decimal(latency.p50(), 2), decimal(latency.p90(), 2),
                decimal(latency.p99(), 2), decimal(latency.max(), 2), Long.toString(result.errors()),
                notes(result.notes())};
    }

    private static String notes(Map<String, String> notes) {
        return new TreeMap<>(notes).entrySet().stream()
                .map(note -> note.getKey() + "=" + note.getValue())
                .collect(Collectors.joining("; "));
    }

    static String decimal(double value, int places) {
        return String.format(Locale.ROOT, "%,." + places + "f", value);
    }

    private static void line(StringBuilder out, String[] cells, int[] widths) {
        out.append('|');
        for (int i = 0; i < cells.length; i++) {
            boolean numeric = i >= 2 && i <= 8;
            String padded = numeric ? " ".repeat(widths[i] - cells[i].length()) + cells[i]
                    : cells[i] + " ".repeat(widths[i] - cells[i].length());
            out.append(' ').append(padded).append(" |");
        }
        out.append('\n');
    }
}
