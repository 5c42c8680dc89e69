package io.confab.benchmarks.load;

import io.confab.benchmarks.persistence.Seeder;
import io.confab.domain.TimeOrderedIdGenerator;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * {@code history}: blocking turns, one at a time, alternating between a conversation of 10
 * messages and one of {@code --history} messages (seeded straight into the database by multi-row
 * inserts); the long one should cost no more than 1.2 times the short one. In-process only.
 */
final class HistoryScenario implements Scenario {

    private static final int SHORT = 10;
    private static final int WARMUP_TURNS = 30;

    @Override
    public String name() {
        return "history";
    }

    @Override
    public List<ScenarioResult> run(Target target, BenchOptions options) throws Exception {
        if (target.inProcess().isEmpty()) {
            return List.of(ScenarioResult.skipped(name(), "seeding needs the in-process server's database"));
        }
        ConfabClient client = target.client();
        String token = client.token("history-" + System.nanoTime());
        String small = client.createConversation(token, "Short history");
        String large = client.createConversation(token, "Long history");
        TimeOrderedIdGenerator ids = new TimeOrderedIdGenerator();
        Instant past = Instant.now().minusSeconds(3_600).minusMillis(options.historySize());
        Seeder.seed(target.inProcess().get().database(), UUID.fromString(small), SHORT, ids, past);
        Seeder.seed(target.inProcess().get().database(), UUID.fromString(large), options.historySize(), ids, past);
        for (int i = 0; i < WARMUP_TURNS; i++) {
            client.sendTurn(token, i % 2 == 0 ? small : large, "Warm-up " + i);
        }
        // each conversation's own turns add messages: the short one stays short (10 plus 2 per turn)
        Histogram shortTurns = new Histogram();
        Histogram longTurns = new Histogram();
        long[] errors = new long[2];
        long start = System.nanoTime();
        for (int i = 0; i < options.historyTurns() * 2; i++) {
            boolean isLong = i % 2 == 1;
            long begin = System.nanoTime();
            int status = client.sendTurn(token, isLong ? large : small, "Question " + i);
            long elapsed = System.nanoTime() - begin;
            if (status != 200) {
                errors[isLong ? 1 : 0]++;
            } else {
                (isLong ? longTurns : shortTurns).record(elapsed);
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9 / 2;
        ScenarioResult shortRow = ScenarioResult.measured(name(), SHORT + " messages", shortTurns, errors[0], seconds);
        ScenarioResult longRow = ScenarioResult.measured(name(), String.format("%,d messages", options.historySize()),
                longTurns, errors[1], seconds);
        double ratio = longRow.latency().p50() / Math.max(1e-9, shortRow.latency().p50());
        return List.of(shortRow, longRow.withNote("p50_ratio_to_short", ResultTable.decimal(ratio, 2))
                .withNote("target", "ratio <= 1.2"));
    }
}
