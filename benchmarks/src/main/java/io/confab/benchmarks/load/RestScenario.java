package io.confab.benchmarks.load;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code rest}: list conversations, then list messages, each at a fixed rate (open loop) for the
 * measured window after a warm-up of both; latency from each request's due time (coordinated omission
 * corrected). Seeds 10 users with 20 conversations each, two of them with 50 messages. Ops are
 * the requests sent; errors the non-200 answers and requests still unanswered 60 s after the last.
 */
final class RestScenario implements Scenario {

    private static final int USERS = 10;
    private static final int CONVERSATIONS_PER_USER = 20;
    private static final int TURNS_PER_CONVERSATION = 25;
    /**
     * Bounds the client's connections when the server falls behind; a request held back here still
     * counts from its due time, so the cap hides nothing from the percentiles.
     */
    private static final int MAX_IN_FLIGHT = 256;

    /** A user's token and one conversation of theirs with history. */
    private record Reader(String token, String conversationId) {
    }

    @Override
    public String name() {
        return "rest";
    }

    @Override
    public List<ScenarioResult> run(Target target, BenchOptions options) throws Exception {
        ConfabClient client = target.client();
        List<Reader> readers = seed(client);
        List<String> conversationPaths = readers.stream().map(r -> ConfabClient.CONVERSATIONS + "?limit=20").toList();
        List<String> messagePaths = readers.stream()
                .map(r -> ConfabClient.CONVERSATIONS + "/" + r.conversationId() + "/messages?limit=50").toList();
        Scenario.settleHeap();
        // the warm-up mixes both reads, so neither is measured while the JIT still compiles it
        List<String> bothPaths = new ArrayList<>(conversationPaths);
        bothPaths.addAll(messagePaths);
        run(client, readers, bothPaths, options.rate(), options.restWarmupNanos());
        String rate = ResultTable.decimal(options.rate(), 0) + "/s open loop";
        return List.of(
                measured("list conversations at " + rate, run(client, readers, conversationPaths, options.rate(), options.measureNanos()), options),
                measured("list messages at " + rate, run(client, readers, messagePaths, options.rate(), options.measureNanos()), options));
    }

    private ScenarioResult measured(String variant, Outcome outcome, BenchOptions options) {
        return ScenarioResult.measured(name(), variant, outcome.latency(), outcome.errors(), options.seconds())
                .withNote("target", "p99 < 10 ms")
                .withNote("achieved_rate", ResultTable.decimal(outcome.achievedRate(), 0) + "/s");
    }

    private static List<Reader> seed(ConfabClient client) throws Exception {
        List<Reader> readers = new ArrayList<>();
        List<Thread> seeders = new ArrayList<>();
        for (int u = 0; u < USERS; u++) {
            String token = client.token("rest-" + u + "-" + System.nanoTime());
            for (int c = 0; c < CONVERSATIONS_PER_USER; c++) {
                String id = client.createConversation(token, "Conversation " + c);
                if (c < 2) {
                    readers.add(new Reader(token, id));
                    seeders.add(Thread.ofVirtual().start(() -> {
                        for (int t = 0; t < TURNS_PER_CONVERSATION; t++) {
                            try {
                                client.sendTurn(token, id, "Message " + t);
                            } catch (Exception e) {
                                throw new IllegalStateException("seeding failed", e);
                            }
                        }
                    }));
                }
            }
        }
        for (Thread seeder : seeders) {
            seeder.join();
        }
        return readers;
    }

    private record Outcome(Histogram latency, long errors, double achievedRate) {
    }

    private static Outcome run(ConfabClient client, List<Reader> readers, List<String> paths, double rate, long nanos)
            throws InterruptedException {
        int total = (int) Math.max(1, rate * nanos / 1e9);
        Histogram latency = new Histogram();
        AtomicLong errors = new AtomicLong();
        CountDownLatch done = new CountDownLatch(total);
        Semaphore inFlight = new Semaphore(MAX_IN_FLIGHT);
        OpenLoop schedule = OpenLoop.perSecond(System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(20), rate);
        for (int i = 0; i < total; i++) {
            int path = i % paths.size();
            long index = i;
            schedule.awaitDue(index);
            inFlight.acquire();
            client.getAsync(paths.get(path), readers.get(path % readers.size()).token()).whenComplete((response, error) -> {
                latency.record(schedule.latencyNanos(index, System.nanoTime()));
                inFlight.release();
                if (error != null || response.statusCode() != 200) {
                    errors.incrementAndGet();
                }
                done.countDown();
            });
        }
        long sent = System.nanoTime();
        if (!done.await(60, TimeUnit.SECONDS)) {
            errors.addAndGet(done.getCount());
        }
        return new Outcome(latency, errors.get(), total / ((sent - schedule.startNanos()) / 1e9));
    }
}
