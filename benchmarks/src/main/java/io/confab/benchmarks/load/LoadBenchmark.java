package io.confab.benchmarks.load;

import ch.qos.logback.classic.Level;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.LoggerFactory;

/**
 * The load generator's entry point: starts Confab in-process (fake model, fresh PostgreSQL
 * database or H2 file) or targets {@code --url}, runs the chosen scenarios one after another,
 * prints a Markdown table and writes {@code target/bench-results.json}. See docs/performance.md.
 */
public final class LoadBenchmark {

    private static final List<Scenario> SCENARIOS = List.of(new TurnsScenario(), new TtftScenario(), new RestScenario(),
            new SocketsScenario(), new HistoryScenario(), new CrossInstanceScenario());

    private LoadBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        BenchOptions options;
        try {
            options = BenchOptions.parse(args, System.getenv());
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        System.setProperty("org.jooq.no-logo", "true");
        System.setProperty("org.jooq.no-tips", "true");
        List<ScenarioResult> results = new ArrayList<>();
        Map<String, String> environment;
        try (Target target = Target.open(options)) {
            // one log line per request would cost the server more than the requests themselves
            ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger("io.confab")).setLevel(Level.WARN);
            environment = environment(options, target);
            environment.forEach((key, value) -> System.out.println(key + ": " + value));
            for (Scenario scenario : SCENARIOS) {
                if (options.scenarios().contains(scenario.name())) {
                    results.addAll(runOne(scenario, target, options));
                }
            }
        }
        environment.put("load_average_after", loadAverage());
        System.out.println();
        System.out.print(ResultTable.format(results));
        JsonReport.write(options.output(), environment, results);
        System.out.println("\nwritten to " + options.output().toAbsolutePath());
        System.exit(0);
    }

    private static List<ScenarioResult> runOne(Scenario scenario, Target target, BenchOptions options) {
        long start = System.nanoTime();
        System.out.printf(Locale.ROOT, "%n== %s (load average %s) ...%n", scenario.name(), loadAverage());
        List<ScenarioResult> rows;
        try {
            rows = scenario.run(target, options);
        } catch (Exception e) {
            rows = List.of(ScenarioResult.skipped(scenario.name(), "failed: " + e));
        }
        System.out.print(ResultTable.format(rows));
        System.out.printf(Locale.ROOT, "(%s took %.0f s)%n", scenario.name(), (System.nanoTime() - start) / 1e9);
        return rows;
    }

    private static Map<String, String> environment(BenchOptions options, Target target) {
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("date", Instant.now().toString());
        environment.put("target", target.label());
        environment.put("cpus", Integer.toString(Runtime.getRuntime().availableProcessors()));
        environment.put("memory", memTotal());
        environment.put("jdk", System.getProperty("java.vm.name") + " " + Runtime.version());
        environment.put("max_heap_mib", Long.toString(Runtime.getRuntime().maxMemory() >> 20));
        environment.put("load_average_before", loadAverage());
        environment.put("options", options.toString());
        return environment;
    }

    private static String loadAverage() {
        return String.format(Locale.ROOT, "%.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    private static String memTotal() {
        try {
            return Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(line -> line.startsWith("MemTotal:"))
                    .map(line -> line.replaceAll("\\s+", " ").substring("MemTotal: ".length())).findFirst().orElse("?");
        } catch (java.io.IOException e) {
            return "?";
        }
    }
}
