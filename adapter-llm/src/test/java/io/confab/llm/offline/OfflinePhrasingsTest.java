package io.confab.llm.offline;

import static org.assertj.core.api.Assertions.assertThat;

import io.confab.domain.model.ToolCallRequest;
import io.confab.json.JsonValues;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The everyday phrasings the offline assistant understands ({@code phrasings.txt}), each played as
 * a whole turn with every tool call of the turn in order. Reports how many match and passes when
 * at least {@value #REQUIRED_ACCURACY} of them do.
 */
class OfflinePhrasingsTest {

    private static final double REQUIRED_ACCURACY = 0.97;
    private static final int MIN_PHRASINGS = 150;

    /** One line of the corpus. */
    record Phrasing(int line, String text, String expectedCalls) {
    }

    @Test
    void phrasingCorpus_atLeast97PercentGiveExactlyTheExpectedCalls() throws IOException {
        List<Phrasing> corpus = corpus();
        List<String> misses = new ArrayList<>();
        for (Phrasing phrasing : corpus) {
            String actual = callsOf(phrasing.text());
            if (!actual.equals(phrasing.expectedCalls())) {
                misses.add("line " + phrasing.line() + ": \"" + phrasing.text() + "\"\n    expected " + phrasing.expectedCalls()
                        + "\n    but got  " + actual);
            }
        }
        int matched = corpus.size() - misses.size();
        String figure = String.format("offline phrasing accuracy: %d/%d (%.1f%%)", matched, corpus.size(),
                100.0 * matched / corpus.size());
        System.out.println(figure + (misses.isEmpty() ? "" : "\n" + String.join("\n", misses)));

        assertThat(corpus).hasSizeGreaterThanOrEqualTo(MIN_PHRASINGS);
        assertThat((double) matched / corpus.size())
                .as(figure + "\n" + String.join("\n", misses))
                .isGreaterThanOrEqualTo(REQUIRED_ACCURACY);
    }

    @Test
    void aMismatch_isCounted() {
        assertThat(callsOf("add buy milk")).isEqualTo("add_task{\"title\":\"buy milk\"}")
                .isNotEqualTo("add_task{\"title\":\"buy milk\"} + list_tasks{\"status\":\"all\"}");
    }

    /** Every tool call of the turn, against a fresh list of the eight tasks the corpus names. */
    private static String callsOf(String text) {
        TaskToolsFake tools = new TaskToolsFake()
                .with("buy milk", false)
                .with("call mom on sunday", false)
                .with("book the dentist", false)
                .with("call the bank", false)
                .with("pay the rent", true)
                .with("water the plants", false)
                .with("buy groceries", false)
                .with("walk the dog", true);
        try {
            List<ToolCallRequest> calls = new OfflineTurnDriver(new OfflineChatModel(), tools).turn(text).calls();
            return calls.stream().map(call -> call.tool() + JsonValues.write(call.arguments()))
                    .collect(Collectors.joining(" + "));
        } catch (AssertionError unfinished) {
            return "(" + unfinished.getMessage() + ")";
        }
    }

    private static List<Phrasing> corpus() throws IOException {
        try (InputStream in = OfflinePhrasingsTest.class.getResourceAsStream("phrasings.txt")) {
            String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
            List<Phrasing> corpus = new ArrayList<>();
            for (int i = 0; i < lines.length; i++) {
                String line = lines[i];
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                int bar = line.lastIndexOf('|');
                corpus.add(new Phrasing(i + 1, line.substring(0, bar).strip().replace("\\n", "\n"),
                        line.substring(bar + 1).strip()));
            }
            return corpus;
        }
    }
}
