package io.confab.benchmarks.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** Writes the results and the run's environment as one JSON document (hand-written: flat and small). */
final class JsonReport {

    private JsonReport() {
    }

    static void write(Path file, Map<String, String> environment, List<ScenarioResult> results) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.writeString(file, render(environment, results));
    }

    static String render(Map<String, String> environment, List<ScenarioResult> results) {
        StringBuilder json = new StringBuilder("{\n  \"environment\": ");
        object(json, new TreeMap<>(environment));
        json.append(",\n  \"results\": [");
        for (int i = 0; i < results.size(); i++) {
            ScenarioResult result = results.get(i);
            Histogram.Summary latency = result.latency();
            json.append(i == 0 ? "\n    {" : ",\n    {")
                    .append("\"scenario\": ").append(string(result.scenario()))
                    .append(", \"variant\": ").append(string(result.variant()))
                    .append(", \"operations\": ").append(result.operations())
                    .append(", \"errors\": ").append(result.errors())
                    .append(", \"seconds\": ").append(number(result.seconds()))
                    .append(", \"throughput_per_second\": ").append(number(result.throughput()))
                    .append(", \"latency_ms\": {\"p50\": ").append(number(latency.p50()))
                    .append(", \"p90\": ").append(number(latency.p90()))
                    .append(", \"p99\": ").append(number(latency.p99()))
                    .append(", \"max\": ").append(number(latency.max())).append('}')
                    .append(", \"notes\": ");
            object(json, new TreeMap<>(result.notes()));
            json.append('}');
        }
        return json.append("\n  ]\n}\n").toString();
    }

    private static void object(StringBuilder json, Map<String, String> values) {
        json.append('{');
        boolean first = true;
        for (Map.Entry<String, String> entry : values.entrySet()) {
            json.append(first ? "" : ", ").append(string(entry.getKey())).append(": ").append(string(entry.getValue()));
            first = false;
        }
        json.append('}');
    }

    private static String number(double value) {
        return String.format(Locale.ROOT, "%.3f", value);
    }

    static String string(String value) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
