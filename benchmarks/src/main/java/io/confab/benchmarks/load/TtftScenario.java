package io.confab.benchmarks.load;

import io.confab.testkit.openai.FakeReply;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * {@code ttft}: time from sending a streamed turn to its first {@code chunk} event through Confab,
 * and from sending a streamed completion to its first text delta directly to the model; the
 * overhead is the difference of the percentiles. Two shapes of concurrency:
 * <ul>
 *   <li><em>started together</em> (1, 100, 1,000): each round's streams start at one latch and the
 *       model answers at once, so a round is a burst of that many turns queued on the cores; the
 *       first round of each size is a warm-up;</li>
 *   <li><em>open</em> (100): that many streams are open at all times, each a reply of
 *       {@value #OPEN_REPLY_WORDS} words at {@value #OPEN_REPLY_WORDS_PER_SECOND} words/s (two
 *       seconds, as a hosted model streams), a new one started as soon as one ends; the first
 *       starts are spread over one reply, and the warm-up's streams are not counted.</li>
 * </ul>
 */
final class TtftScenario implements Scenario {

    /** The request the in-process model answers with the paced reply of an open stream. */
    static final String OPEN_PROMPT = "Tell me a long story";
    static final int OPEN_REPLY_WORDS = 100;
    static final int OPEN_REPLY_WORDS_PER_SECOND = 50;
    private static final long OPEN_REPLY_NANOS = TimeUnit.SECONDS.toNanos(OPEN_REPLY_WORDS) / OPEN_REPLY_WORDS_PER_SECOND;
    private static final int STREAMS_PER_USER = 100;
    private static final Predicate<String> FIRST_TEXT = line -> line.startsWith("data: ")
            && line.contains("\"content\":\"") && !line.contains("\"content\":\"\"");

    /** One streamed request of stream {@code index}: nanoseconds to its first token; throws when it failed. */
    private interface Stream {
        long firstTokenNanos(int index) throws Exception;
    }

    /** A way of running {@code streams} streams at a time and timing their first tokens. */
    private interface Shape {
        Measured measure(int streams, Stream stream) throws InterruptedException;
    }

    /** The paced reply the model gives {@link #OPEN_PROMPT}. */
    static FakeReply openReply() {
        return FakeReply.paced("word ".repeat(OPEN_REPLY_WORDS).strip(), OPEN_REPLY_WORDS_PER_SECOND);
    }

    @Override
    public String name() {
        return "ttft";
    }

    /** Every size started together, then every size kept open (needs the in-process model and its paced reply). */
    @Override
    public List<ScenarioResult> run(Target target, BenchOptions options) throws Exception {
        List<ScenarioResult> results = new ArrayList<>();
        for (int streams : options.streams()) {
            Shape together = (n, stream) -> startedTogether(n, rounds(n, options.quick()), stream);
            results.addAll(measureAt(streams, streams + " streams", "Hello there", together, target));
        }
        for (int streams : options.openStreams()) {
            if (target.inProcess().isEmpty()) {
                results.add(ScenarioResult.skipped(name(), streams + " streams open: needs the in-process model"));
                continue;
            }
            Shape open = (n, stream) -> keptOpen(n, options.warmupNanos(), options.measureNanos(), stream);
            results.addAll(measureAt(streams, streams + " streams open", OPEN_PROMPT, open, target));
        }
        return results;
    }

    /**
     * Through Confab and, when the model's URL is known, directly to it: {@code streams} at a time,
     * each series from a settled heap. Each size runs on a client of its own, closed when it is
     * done: a thousand streams leave a thousand idle connections to Confab and as many to the
     * model, which otherwise all close together some 30 s later, and that stalled the next
     * scenario's requests for 100–150 ms in the middle of its measured window.
     */
    private List<ScenarioResult> measureAt(int streams, String label, String prompt, Shape shape, Target target)
            throws Exception {
        try (ConfabClient client = new ConfabClient(target.client().base())) {
            String[] tokens = new String[streams];
            String[] conversations = new String[streams];
            for (int i = 0; i < streams; i++) {
                tokens[i] = i % STREAMS_PER_USER == 0 ? client.token("ttft-" + i + "-" + System.nanoTime()) : tokens[i - 1];
                conversations[i] = client.createConversation(tokens[i], "Stream " + i);
            }
            Scenario.settleHeap();
            Measured confab = shape.measure(streams, i -> client.streamTurnToFirstChunk(tokens[i], conversations[i], prompt));
            ScenarioResult through = confab.withFailures(ScenarioResult.measured(name(), "through Confab, " + label,
                    confab.histogram, confab.errors(), confab.seconds));
            if (target.modelUrl().isEmpty()) {
                return List.of(through.withNote("baseline", "no --model-url"));
            }
            HttpRequest direct = directRequest(target.modelUrl().get(), prompt);
            Scenario.settleHeap();
            Measured model = shape.measure(streams, i -> client.firstMatchingLine(direct, FIRST_TEXT));
            Histogram.Summary a = confab.histogram.summary();
            Histogram.Summary b = model.histogram.summary();
            through = through.withNote("overhead_p50_ms", ResultTable.decimal(a.p50() - b.p50(), 2))
                    .withNote("overhead_p99_ms", ResultTable.decimal(a.p99() - b.p99(), 2));
            if (streams == 100) {
                through = through.withNote("target", "overhead p50 < 2, p99 < 10");
            }
            return List.of(through, model.withFailures(ScenarioResult.measured(name(), "direct to model, " + label,
                    model.histogram, model.errors(), model.seconds)));
        }
    }

    /** Enough rounds for about 1,000 samples (300 for one stream), at least two, plus the warm-up. */
    static int rounds(int streams, boolean quick) {
        int samples = quick ? 200 : streams == 1 ? 300 : 1_000;
        return Math.max(2, Math.min(samples, samples / streams)) + 1;
    }

    private static HttpRequest directRequest(URI modelUrl, String prompt) {
        String body = "{\"model\":\"fake-model\",\"stream\":true,\"stream_options\":{\"include_usage\":true},"
                + "\"messages\":[{\"role\":\"system\",\"content\":\"You are a helpful assistant.\"},"
                + "{\"role\":\"user\",\"content\":\"" + prompt + "\"}]}";
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

    private static Measured startedTogether(int streams, int rounds, Stream stream) throws InterruptedException {
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

    /**
     * {@code streams} virtual users, each starting its next stream as soon as the last one ended,
     * their first starts spread over one reply; streams sent during the warm-up are not counted.
     */
    private static Measured keptOpen(int streams, long warmupNanos, long measureNanos, Stream stream)
            throws InterruptedException {
        Histogram histogram = new Histogram();
        Map<String, Long> failures = new ConcurrentHashMap<>();
        long countFrom = System.nanoTime() + warmupNanos;
        long end = countFrom + measureNanos;
        List<Thread> threads = new ArrayList<>(streams);
        for (int i = 0; i < streams; i++) {
            int index = i;
            long delayNanos = OPEN_REPLY_NANOS * i / streams;
            threads.add(Thread.ofVirtual().start(() -> {
                LockSupport.parkNanos(delayNanos);
                for (long sent = System.nanoTime(); sent < end; sent = System.nanoTime()) {
                    try {
                        long nanos = stream.firstTokenNanos(index);
                        if (sent >= countFrom) {
                            histogram.record(nanos);
                        }
                    } catch (Exception e) {
                        if (sent >= countFrom) {
                            failures.merge(e.getClass().getSimpleName() + ": " + e.getMessage(), 1L, Long::sum);
                        }
                    }
                }
            }));
        }
        for (Thread thread : threads) {
            thread.join();
        }
        return new Measured(histogram, Map.copyOf(failures), measureNanos / 1e9);
    }
}
