package io.confab.benchmarks.persistence;

import io.confab.application.Stores;
import io.confab.domain.Conversation;
import io.confab.domain.ConversationId;
import io.confab.domain.Message;
import io.confab.domain.MessageId;
import io.confab.domain.TimeOrderedIdGenerator;
import io.confab.domain.UserId;
import io.confab.domain.port.IdGenerator;
import io.confab.persistence.JooqStores;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Measures the jOOQ stores on H2 and PostgreSQL: the agent's 50-message window and a message
 * append in conversations of 10, 10,000 and 100,000 messages, then PostgreSQL turn writes from 16
 * concurrent writers, and search ({@code MessageRepository.search}, limit 20) over the owner's
 * messages so far: a word in one message of {@value Seeder#RARE_EVERY}, and a word in every one.
 * Prints Markdown tables. PostgreSQL is reached through the admin URL in
 * {@code CONFAB_BENCH_PG_URL} (default: the local server), where a fresh database is created and
 * dropped. The argument {@code history} or {@code turns} runs only that part.
 */
public final class PersistenceBenchmark {

    private static final int[] CONVERSATION_SIZES = {10, 10_000, 100_000};
    private static final int WINDOW = 50;
    private static final int WARMUP = 300;
    private static final int ITERATIONS = 2_000;
    /** A search for a word in every message ranks them all: fewer runs. */
    private static final int SEARCH_WARMUP = 20;
    private static final int SEARCH_ITERATIONS = 200;
    private static final String DEFAULT_PG_URL = "jdbc:postgresql://127.0.0.1:5432/test?user=postgres";

    private final IdGenerator ids = new TimeOrderedIdGenerator();
    private final UserId owner = new UserId("bench-user");

    private PersistenceBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        String pgUrl = Optional.ofNullable(System.getenv("CONFAB_BENCH_PG_URL")).orElse(DEFAULT_PG_URL);
        String part = args.length == 0 ? "all" : args[0];
        boolean history = !part.equals("turns");
        PersistenceBenchmark benchmark = new PersistenceBenchmark();
        if (history) {
            System.out.println("| database | conversation | window of 50: median / p99 | page of 50 before the middle message: median / p99 | append: median / p99 |");
            System.out.println("|---|---:|---:|---:|---:|");
            try (BenchDatabase h2 = BenchDatabase.h2File()) {
                benchmark.historyReadsAndAppends(h2);
            }
        }
        try (BenchDatabase postgres = BenchDatabase.postgres(pgUrl)) {
            if (history) {
                benchmark.historyReadsAndAppends(postgres);
            }
            if (part.equals("history")) {
                return;
            }
            System.out.println();
            TurnWrites.Result turns = TurnWrites.run(postgres, 16);
            System.out.printf(Locale.ROOT, "PostgreSQL turn writes, %d writers: %.0f turns/s, turn median %.2f ms, p99 %.2f ms (%d turns)%n",
                    turns.writers(), turns.turnsPerSecond(), turns.latencies().medianMillis(),
                    turns.latencies().p99Millis(), turns.latencies().count());
        }
    }

    private void historyReadsAndAppends(BenchDatabase database) throws Exception {
        List<String> searches = new ArrayList<>();
        int seeded = 0;
        try (Stores stores = JooqStores.open(database.settings())) {
            for (int size : CONVERSATION_SIZES) {
                Instant start = Instant.parse("2026-01-01T00:00:00Z");
                Conversation conversation = Conversation.start(new ConversationId(ids.next()), owner, "bench " + size, start);
                stores.conversations().insert(conversation);
                Seeder.seed(database, conversation, size, ids, start);

                Latencies window = measure(() -> {
                    List<Message> messages = stores.messages().latest(owner, conversation.id(), WINDOW).orElseThrow();
                    if (messages.isEmpty()) {
                        throw new IllegalStateException("empty window");
                    }
                });
                MessageId middle = stores.messages().latest(owner, conversation.id(), size / 2).orElseThrow().getFirst().id();
                Latencies page = measure(() -> {
                    if (stores.messages().page(owner, conversation.id(), Optional.of(middle), WINDOW).orElseThrow().items().isEmpty()) {
                        throw new IllegalStateException("empty page");
                    }
                });
                Instant[] clock = {start.plusSeconds(3_600)};
                Latencies append = measure(() -> {
                    clock[0] = clock[0].plusMillis(1);
                    stores.messages().append(owner, Message.fromUser(new MessageId(ids.next()), conversation.id(),
                            "one more question", Optional.empty(), clock[0]));
                });
                System.out.printf(Locale.ROOT, "| %s | %,d messages | %.2f / %.2f ms | %.2f / %.2f ms | %.2f / %.2f ms |%n",
                        database.label(), size, window.medianMillis(), window.p99Millis(),
                        page.medianMillis(), page.p99Millis(), append.medianMillis(), append.p99Millis());
                seeded += size;
                Latencies rare = measure(() -> search(stores, Seeder.RARE_WORD), SEARCH_WARMUP, SEARCH_ITERATIONS);
                Latencies everywhere = measure(() -> search(stores, "dentist"), SEARCH_WARMUP, SEARCH_ITERATIONS);
                searches.add(String.format(Locale.ROOT, "| %s | %,d messages | %.2f / %.2f ms | %.2f / %.2f ms |",
                        database.label(), seeded, rare.medianMillis(), rare.p99Millis(),
                        everywhere.medianMillis(), everywhere.p99Millis()));
            }
        }
        System.out.println();
        System.out.println("| database | the user's messages | search, a word in 1 of " + Seeder.RARE_EVERY
                + ": median / p99 | search, a word in all: median / p99 |");
        System.out.println("|---|---:|---:|---:|");
        searches.forEach(System.out::println);
        System.out.println();
    }

    private void search(Stores stores, String word) {
        if (stores.messages().search(owner, word, 20).isEmpty()) {
            throw new IllegalStateException("nothing found for " + word);
        }
    }

    private static Latencies measure(Runnable operation) {
        return measure(operation, WARMUP, ITERATIONS);
    }

    private static Latencies measure(Runnable operation, int warmup, int iterations) {
        for (int i = 0; i < warmup; i++) {
            operation.run();
        }
        Latencies latencies = new Latencies();
        for (int i = 0; i < iterations; i++) {
            long started = System.nanoTime();
            operation.run();
            latencies.record(System.nanoTime() - started);
        }
        return latencies;
    }
}
