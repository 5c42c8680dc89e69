package io.confab.benchmarks.load;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * {@code ttft}: time from sending a streamed turn to its first {@code chunk} event through Confab,
 * and from sending a streamed completion to its first text delta directly to the model, with
 * 1, 100, 1,000 streams started together; the overhead is the difference of the percentiles.
 * Each round's streams start at one latch; the first round of each size is a warm-up.
 */
final class TtftScenario implements Scenario {

    private static final int STREAMS_PER_USER = 100;
    private static final Predicate<String> FIRST_TEXT = line -> line.startsWith("data: ")
            && line.contains("\"content\":\"") && !line.contains("\"content\":\"\"");

    /** One streamed request of stream {@code index}: nanoseconds to its first token; throws when it failed. */
    private interface Stream {
        long firstTokenNanos(int index) throws Exception;
    }

    @Override
    public String name() {
        return "ttft";
    }

    /**
     * Each concurrency runs on a client of its own, closed when it is done: a thousand streams
     * leave a thousand idle connections to Confab and as many to the model, which otherwise all
     * close together some 30 s later, and that stalled the next scenario's requests for
     * 100–150 ms in the middle of its measured window.
     */
    @Override
    public List<ScenarioResult> run(Target target, BenchOptions options) throws Exception {
        List<ScenarioResult> results = new ArrayList<>();
        for (int streams : options.streams()) {
            try (ConfabClient client = new ConfabClient(target.client().base())) {
                results.addAll(measureAt(streams, client, target, options));
            }
        }
        return results;
    }

    /** Through Confab and, when the model's URL is known, directly to it: {@code streams} at a time. */
    private List<ScenarioResult> measureAt(int streams, ConfabClient client, Target target, BenchOptions options)
            throws Exception {
        String[] tokens = new String[streams];
        String[] conversations = new String[streams];
        for (int i = 0; i < streams; i++) {
            tokens[i] = i % STREAMS_PER_USER == 0 ? client.token("ttft-" + i + "-" + System.nanoTime()) : tokens[i - 1];
            conversations[i] = client.createConversation(tokens[i], "Stream " + i);
        }
        int rounds = rounds(streams, options.quick());
        Measured confab = measure(streams, rounds, i -> client.streamTurnToFirstChunk(tokens[i], conversations[i], "Hello there"));
        ScenarioResult through = confab.withFailures(
                ScenarioResult.measured(name(), "through Confab, " + streams + " streams", confab.histogram, confab.errors(), confab.seconds));
        if (target.modelUrl().isEmpty()) {
            return List.of(through.withNote("baseline", "no --model-url"));
        }
        HttpRequest direct = directRequest(client, target.modelUrl().get());
        Measured model = measure(streams, rounds, i -> client.firstMatchingLine(direct, FIRST_TEXT));
        Histogram.Summary a = confab.histogram.summary();
        Histogram.Summary b = model.histogram.summary();
        through = through.withNote("overhead_p50_ms", ResultTable.decimal(a.p50() - b.p50(), 2))
                .withNote("overhead_p99_ms", ResultTable.decimal(a.p99() - b.p99(), 2));
        if (streams == 100) {
            through = through.withNote("target", "overhead p50 < 2, p99 < 10");
        }
        return List.of(through, model.withFailures(ScenarioResult.measured(name(), "direct to model, " + streams + " streams",
                model.histogram, model.errors(), model.seconds)));
    }

    /** Enough rounds for about 1,000 samples (300 for one stream), at least two, plus the warm-up. */
    static int rounds(int streams, boolean quick) {
        int samples = quick ? 200 : streams == 1 ? 300 : 1_000;
        return Math.max(2, Math.min(samples, samples / streams)) + 1;
    }

    private static HttpRequest directRequest(ConfabClient client, URI modelUrl) {
        String body = "{\"model\":\"fake-model\",\"stream\":true,\"stream_options\":{\"include_usage\":true},"
                + "\"messages\":[{\"role\":\"system\",\"content\":\"You are a helpful assistant.\"},"
                + "{\"role\":\"user\",\"content\":\"Hello there\"}]}";
        return HttpRequest.newBuilder(URI.create(modelUrl + "/chat/completions"))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer bench")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
    }

    /** A measured series: the first-token times, why the failed streams failed (kind → count), and how long it took. */
    private record Measured(Histogram histogram, Map<String, Long> failures, double seconds) {

        long errors() {
            return failures.values().stream().mapToLong(Long::longValue).sum();
        }

        /** Notes the failures by kind, e.g. {@code failures=IOException: status 503 x3}, when there were any. */
        ScenarioResult withFailures(ScenarioResult result) {
            return failures.isEmpty() ? result : result.withNote("failures", failures.entrySet().stream()
                    .map(failure -> failure.getKey() + " x" + failure.getValue())
                    .collect(Collectors.joining(", ")));
        }
    }

    private static Measured measure(int streams, int rounds, Stream stream) throws InterruptedException {
        Histogram histogram = new Histogram();
        Map<String, Long> failures = new ConcurrentHashMap<>();
        long measuredNanos = 0;
        for (int round = 0; round < rounds; round++) {
            boolean warmUp = round == 0;
            CountDownLatch go = new CountDownLatch(1);
            List<Thread> threads = new ArrayList<>(streams);
            for (int i = 0; i < streams; i++) {
                int index = i;
                threads.add(Thread.ofVirtual().start(() -> {
                    try {
                        go.await();
                        long nanos = stream.firstTokenNanos(index);
                        if (!warmUp) {
                            histogram.record(nanos);
                        }
                    } catch (Exception e) {
                        if (!warmUp) {
                            failures.merge(e.getClass().getSimpleName() + ": " + e.getMessage(), 1L, Long::sum);
                        }
                    }
                }));
            }
            long start = System.nanoTime();
            go.countDown();
            for (Thread thread : threads) {
                thread.join();
            }
            if (!warmUp) {
                measuredNanos += System.nanoTime() - start;
            }
        }
        return new Measured(histogram, Map.copyOf(failures), measuredNanos / 1e9);
    }
}
