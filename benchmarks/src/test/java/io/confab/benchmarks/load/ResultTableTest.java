package io.confab.benchmarks.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ResultTableTest {

    private static final ScenarioResult TURNS = new ScenarioResult("turns", "64 users", 30_000, 2, 20,
            new Histogram.Summary(30_000, 40.5, 60.25, 99.125, 250), Map.of("target", ">= 1500 turns/s"));

    @Test
    void aTable_hasAHeader_aRule_andOneAlignedRowPerResult() {
        String table = ResultTable.format(List.of(TURNS, ScenarioResult.skipped("sockets", "websocket not available")));

        List<String> lines = table.lines().toList();
        assertThat(lines).hasSize(4);
        assertThat(lines.get(0)).startsWith("| scenario | variant ").contains("| p99 ms |");
        assertThat(lines.get(1)).matches("\\|[-:|]+");
        assertThat(lines.get(2)).contains("| turns ", "| 30000 |", "1,500.0", "40.50", "99.13", "target=>= 1500 turns/s");
        assertThat(lines.get(3)).contains("| sockets ", "skipped=websocket not available");
        assertThat(lines).extracting(String::length).containsOnly(lines.get(0).length());
    }

    @Test
    void theJsonReport_carriesEveryFigure_andEscapesText() {
        String json = JsonReport.render(Map.of("jdk", "Temurin \"25\""), List.of(TURNS));

        assertThat(json).contains("\"jdk\": \"Temurin \\\"25\\\"\"", "\"scenario\": \"turns\"", "\"operations\": 30000",
                "\"throughput_per_second\": 1500.000", "\"p99\": 99.125", "\"target\": \">= 1500 turns/s\"");
    }
}
