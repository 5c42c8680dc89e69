package io.confab.benchmarks.load;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One row of the report: what was measured ({@code scenario} and {@code variant}), how many
 * operations completed in how many seconds, their latency, the errors, and free-form notes
 * (targets, memory figures, the reason a scenario could not run).
 */
record ScenarioResult(String scenario, String variant, long operations, long errors, double seconds,
                      Histogram.Summary latency, Map<String, String> notes) {

    ScenarioResult {
        Objects.requireNonNull(scenario, "scenario");
        Objects.requireNonNull(variant, "variant");
        Objects.requireNonNull(latency, "latency");
        notes = Map.copyOf(notes);
    }

    static ScenarioResult measured(String scenario, String variant, Histogram histogram, long errors, double seconds) {
        Histogram.Summary summary = histogram.summary();
        return new ScenarioResult(scenario, variant, summary.count(), errors, seconds, summary, Map.of());
    }

    static ScenarioResult skipped(String scenario, String reason) {
        return new ScenarioResult(scenario, "-", 0, 0, 0, new Histogram.Summary(0, 0, 0, 0, 0), Map.of("skipped", reason));
    }

    /** Operations per second; 0 when nothing was timed. */
    double throughput() {
        return seconds <= 0 ? 0 : operations / seconds;
    }

    ScenarioResult withNote(String key, String value) {
        Map<String, String> more = new LinkedHashMap<>(notes);
        more.put(key, value);
        return new ScenarioResult(scenario, variant, operations, errors, seconds, latency, more);
    }
}
