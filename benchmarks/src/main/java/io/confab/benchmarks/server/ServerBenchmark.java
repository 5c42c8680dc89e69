package io.confab.benchmarks.server;

import io.confab.bootstrap.ConfabConfig;
import io.confab.bootstrap.ConfabServer;
import io.confab.persistence.TestPostgres;
import io.confab.testkit.ScriptedReplies;
import io.confab.testkit.auth.TestTokens;
import io.confab.testkit.http.TestHttp;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Not a test: measures the real server. List conversations and list messages at a fixed request
 * rate on PostgreSQL ({@code CONFAB_TEST_PG_URL} or embedded), open-loop: each request's latency
 * counts from when it was due, not from when it was sent, so a stalled server shows in the
 * percentiles (no coordinated omission). Start-up is {@link StartupBenchmark}'s.
 *
 * <p>Arguments: {@code [rate per second] [seconds per route]}.
 */
public final class ServerBenchmark {

    private static final int USERS = 20;
    private static final int CONVERSATIONS_PER_USER = 20;
    private static final int CONVERSATIONS_WITH_HISTORY = 3;
    private static final int TURNS_PER_CONVERSATION = 25;

    private ServerBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int rate = args.length > 0 ? Integer.parseInt(args[0]) : 1_000;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        throughput(rate, seconds);
        System.exit(0);
    }

    private static void throughput(int rate, int seconds) throws Exception {
        Path data = Files.createTempDirectory("confab-bench");
        Map<String, String> values = new HashMap<>();
        values.put("CONFAB_PORT", "0");
        values.put("CONFAB_DATA_DIR", data.toString());
        String database = TestPostgres.freshDatabaseUrl();
        values.put("CONFAB_DB_URL", database);
        values.put("CONFAB_DB_POOL_SIZE", "16");
        values.putAll(TestTokens.serverSettings());
        values.put("CONFAB_RATE_LIMIT", "100000");
        try (ConfabServer server = ConfabServer.start(ConfabConfig.of(values), ScriptedReplies.model())) {
            TestHttp api = new TestHttp(server.uri());
            List<String[]> targets = seed(api);
            System.out.printf("seeded %d users x %d conversations (%d of them with %d messages) on PostgreSQL%n",
                    USERS, CONVERSATIONS_PER_USER, CONVERSATIONS_WITH_HISTORY, TURNS_PER_CONVERSATION * 2);
            HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            run("warm-up (list conversations)", client, server.uri(), targets, rate, Math.max(2, seconds / 4), false);
            run("GET /api/v1/chat/conversations?limit=20", client, server.uri(), targets, rate, seconds, false);
            run("GET /api/v1/chat/conversations/{id}/messages?limit=50", client, server.uri(), targets, rate, seconds, true);
        } finally {
            TestPostgres.drop(database);
        }
    }

    /** Returns [token, conversation id] pairs, one per conversation with history. */
    private static List<String[]> seed(TestHttp api) {
        List<String[]> targets = new ArrayList<>();
        for (int u = 0; u < USERS; u++) {
            String token = TestTokens.token("bench-" + u);
            for (int c = 0; c < CONVERSATIONS_PER_USER; c++) {
                String id = api.createConversation(token, "conversation " + c);
                if (c < CONVERSATIONS_WITH_HISTORY) {
                    for (int t = 0; t < TURNS_PER_CONVERSATION; t++) {
                        api.post(TestHttp.CONVERSATIONS + "/" + id + "/messages", token, "{\"message\":\"message " + t + "\"}");
                    }
                    targets.add(new String[] {token, id});
                }
            }
        }
        return targets;
    }

    private static void run(String name, HttpClient client, URI base, List<String[]> targets, int rate, int seconds,
                            boolean messages) throws InterruptedException {
        int total = rate * seconds;
        long[] latencies = new long[total];
        AtomicInteger failures = new AtomicInteger();
        CountDownLatch done = new CountDownLatch(total);
        long intervalNanos = TimeUnit.SECONDS.toNanos(1) / rate;
        long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(50);
        for (int i = 0; i < total; i++) {
            String[] target = targets.get(i % targets.size());
            String path = messages ? TestHttp.CONVERSATIONS + "/" + target[1] + "/messages?limit=50" : TestHttp.CONVERSATIONS + "?limit=20";
            HttpRequest request = HttpRequest.newBuilder(base.resolve(path)).header("Authorization", "Bearer " + target[0]).build();
            long due = start + i * intervalNanos;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            int index = i;
            client.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, error) -> {
                latencies[index] = System.nanoTime() - due;
                if (error != null || response.statusCode() != 200) {
                    failures.incrementAndGet();
                }
                done.countDown();
            });
        }
        done.await(2, TimeUnit.MINUTES);
        long elapsed = System.nanoTime() - start;
        Arrays.sort(latencies);
        System.out.printf("%s: %d requests at %d/s (achieved %.0f/s), %d failed; latency from due time: "
                        + "p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, p99.9 %.2f ms, max %.2f ms%n",
                name, total, rate, total / (elapsed / 1e9), failures.get(),
                ms(latencies, 0.50), ms(latencies, 0.90), ms(latencies, 0.99), ms(latencies, 0.999),
                latencies[total - 1] / 1e6);
    }

    private static double ms(long[] sorted, double quantile) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(quantile * sorted.length) - 1)] / 1e6;
    }
}
