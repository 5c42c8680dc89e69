package io.confab.benchmarks.load;

import io.confab.bootstrap.ConfabServer;
import io.confab.domain.ConversationId;
import io.confab.redis.RedisAdapters;
import io.confab.redis.RedisSettings;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code crossinstance}: two more instances, A and B, beside the target, on its database, model
 * and data directory and on one Redis. Turns run through A's HTTP API at a fixed rate (open loop)
 * in conversations that two sockets on B, and as the baseline two sockets on A, follow. Each turn
 * event is stamped when A publishes it ({@link PublishStamps}) and timed to its frame on every
 * socket ({@link WatchingSockets}): publish on A → frame read from a socket of B is the
 * cross-instance latency; the same to a socket of A is what one instance alone costs.
 */
final class CrossInstanceScenario implements Scenario {

    private static final int USERS = 10;
    private static final int SOCKETS_PER_CONVERSATION = 2;
    private static final double TURNS_PER_SECOND = 20;
    private static final Duration DRAIN = Duration.ofSeconds(10);

    /** A conversation followed on both instances, and its owner's token. */
    private record Followed(String token, String conversationId) {
    }

    @Override
    public String name() {
        return "crossinstance";
    }

    @Override
    public List<ScenarioResult> run(Target target, BenchOptions options) throws Exception {
        if (target.inProcess().isEmpty()) {
            return List.of(ScenarioResult.skipped(name(), "in-process only: it starts two instances on the target's database"));
        }
        Optional<String> redisProblem = redisProblem(options.redisUrl());
        if (redisProblem.isPresent()) {
            return List.of(ScenarioResult.skipped(name(), "Redis not reachable at " + options.redisUrl() + " ("
                    + redisProblem.get() + "); start one or pass --redis-url"));
        }
        Map<String, String> onRedis = Map.of("CONFAB_REDIS_URL", options.redisUrl(),
                "CONFAB_REDIS_KEY_PREFIX", "confab-bench-" + UUID.randomUUID(),
                "CONFAB_SHUTDOWN_GRACE_SECONDS", "1");
        try (ConfabServer a = target.inProcess().get().startAnother(onRedis);
             ConfabServer b = target.inProcess().get().startAnother(onRedis)) {
            return measure(a, b, options);
        }
    }

    private List<ScenarioResult> measure(ConfabServer a, ConfabServer b, BenchOptions options) throws Exception {
        ConfabClient api = new ConfabClient(a.uri());
        PublishStamps stamps = new PublishStamps();
        List<Followed> followed = conversations(api, Math.max(1, options.crossSockets() / SOCKETS_PER_CONVERSATION));
        List<WatchingSockets.Watcher> watchers = new ArrayList<>();
        for (Followed conversation : followed) {
            stamps.observe(a.eventBus(), ConversationId.parse(conversation.conversationId()));
            for (int s = 0; s < SOCKETS_PER_CONVERSATION; s++) {
                watchers.add(new WatchingSockets.Watcher(conversation.token(), conversation.conversationId()));
            }
        }
        try (WatchingSockets onB = WatchingSockets.open(b.uri(), watchers, stamps);
             WatchingSockets onA = WatchingSockets.open(a.uri(), watchers, stamps)) {
            OpenLoop schedule = OpenLoop.perSecond(System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(20), TURNS_PER_SECOND);
            long measureFrom = schedule.startNanos() + options.warmupNanos();
            onB.countFrom(measureFrom);
            onA.countFrom(measureFrom);
            int turns = (int) Math.ceil(TURNS_PER_SECOND * (options.warmupSeconds() + options.seconds()));
            long failedTurns = runTurns(api, followed, schedule, turns);
            long frames = stamps.publishedSince(measureFrom) * SOCKETS_PER_CONVERSATION;
            onB.awaitTimed(frames, DRAIN);
            onA.awaitTimed(frames, DRAIN);
            String rate = ResultTable.decimal(TURNS_PER_SECOND, 0) + " turns/s through A";
            return List.of(
                    row("publish on A → frame on B, " + watchers.size() + " sockets on B, " + rate, onB, frames, failedTurns, options),
                    row("publish on A → frame on A (baseline), " + watchers.size() + " sockets on A", onA, frames, failedTurns, options));
        }
    }

    /** {@code count} conversations of {@link #USERS} users, created through {@code api}. */
    private static List<Followed> conversations(ConfabClient api, int count) {
        String[] tokens = new String[USERS];
        for (int u = 0; u < USERS; u++) {
            tokens[u] = api.token("cross-" + u + "-" + System.nanoTime());
        }
        List<Followed> followed = new ArrayList<>(count);
        for (int c = 0; c < count; c++) {
            String token = tokens[c % USERS];
            followed.add(new Followed(token, api.createConversation(token, "Cross " + c)));
        }
        return followed;
    }

    /** Starts {@code turns} blocking turns on schedule, round robin over the conversations; the failed ones. */
    private static long runTurns(ConfabClient api, List<Followed> followed, OpenLoop schedule, int turns)
            throws InterruptedException {
        AtomicLong failed = new AtomicLong();
        List<Thread> running = new ArrayList<>(turns);
        for (int i = 0; i < turns; i++) {
            Followed conversation = followed.get(i % followed.size());
            String message = "Event " + i;
            schedule.awaitDue(i);
            running.add(Thread.ofVirtual().start(() -> {
                try {
                    if (api.sendTurn(conversation.token(), conversation.conversationId(), message) != 200) {
                        failed.incrementAndGet();
                    }
                } catch (Exception e) {
                    failed.incrementAndGet();
                }
            }));
        }
        for (Thread turn : running) {
            turn.join();
        }
        return failed.get();
    }

    private ScenarioResult row(String variant, WatchingSockets sockets, long frames, long failedTurns, BenchOptions options) {
        Histogram latency = sockets.latency();
        return ScenarioResult.measured(name(), variant, latency, Math.max(0, frames - latency.count()), options.seconds())
                .withNote("frames_expected", Long.toString(frames))
                .withNote("unexpected_frames", Long.toString(sockets.unexpected()))
                .withNote("failed_turns", Long.toString(failedTurns));
    }

    /** Why Confab's Redis adapters cannot reach {@code url}; empty when they can. */
    private static Optional<String> redisProblem(String url) {
        try (RedisAdapters probe = RedisAdapters.connect(url, RedisSettings.defaults(), Clock.systemUTC())) {
            return probe.status() == RedisAdapters.Status.UP ? Optional.empty() : Optional.of("no answer to PING");
        } catch (IllegalArgumentException e) {
            return Optional.of(e.getMessage());
        }
    }
}
