package io.confab.mcp;

import static io.confab.domain.json.JsonValue.object;
import static io.confab.domain.json.JsonValue.of;

import io.confab.application.memory.InMemoryTaskRepository;
import io.confab.application.tools.TaskTools;
import io.confab.domain.Cancellation;
import io.confab.domain.UserId;
import io.confab.domain.json.JsonValue;
import io.confab.domain.tool.ToolInvocation;
import io.confab.domain.tool.ToolProgress;
import io.confab.domain.tool.ToolResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Measures a built-in tool call over {@code /mcp} (Confab's client → streamable HTTP → Confab's
 * server in Javalin's Jetty → task tools → back): latency of sequential calls, then throughput with
 * several callers. A main, not a test: {@code McpHttpBenchmark [calls] [callers]}.
 */
public final class McpHttpBenchmark {

    private static final UserId USER = new UserId("bench");

    private McpHttpBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int calls = args.length > 0 ? Integer.parseInt(args[0]) : 2_000;
        int callers = args.length > 1 ? Integer.parseInt(args[1]) : 4;
        TaskTools tools = new TaskTools(new InMemoryTaskRepository(), Clock.systemUTC());
        try (McpHttpServer server = new McpHttpServer(tools, McpServerSettings.defaults());
             McpToolCatalog client = connect(server)) {
            tools.invoke(new ToolInvocation(USER, "seed", "add_task", object("title", of("seed"))),
                    ToolProgress.IGNORE, new Cancellation());
            run(client, calls / 2);
            long[] latencies = run(client, calls);
            Arrays.sort(latencies);
            System.out.printf("sequential: %d calls, p50 %.2f ms, p99 %.2f ms, max %.2f ms%n", calls,
                    millis(latencies[calls / 2]), millis(latencies[(int) (calls * 0.99)]),
                    millis(latencies[calls - 1]));
            System.out.printf("throughput: %d callers, %.0f calls/s%n", callers, throughput(client, callers, calls));
        }
        System.exit(0);
    }

    private static McpToolCatalog connect(McpHttpServer server) throws IOException {
        Path file = Files.createTempFile("mcp-bench", ".json");
        Files.writeString(file, """
                {"servers": {"confab": {"url": "%s", "headers": {"Authorization": "Bearer %s"}}}}"""
                .formatted(server.url(), TestVerifier.tokenOf(USER)));
        return AbstractConfabServerTest.connected(McpClients.load(file));
    }

    /** Calls {@code list_tasks}; the server runs it as the token's user, whoever the invocation names. */
    private static long[] run(McpToolCatalog client, int calls) {
        long[] latencies = new long[calls];
        JsonValue arguments = object("status", of("all"));
        for (int i = 0; i < calls; i++) {
            long start = System.nanoTime();
            ToolResult result = client.invoke(new ToolInvocation(USER, "c" + i, "confab__list_tasks", arguments),
                    ToolProgress.IGNORE, new Cancellation());
            latencies[i] = System.nanoTime() - start;
            if (!(result instanceof ToolResult.Success)) {
                throw new IllegalStateException("call failed: " + result);
            }
        }
        return latencies;
    }

    private static double throughput(McpToolCatalog client, int callers, int calls) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        try {
            long start = System.nanoTime();
            List<Future<long[]>> done = new ArrayList<>();
            for (int i = 0; i < callers; i++) {
                done.add(pool.submit(() -> run(client, calls / callers)));
            }
            for (Future<long[]> future : done) {
                future.get();
            }
            return (calls / callers) * callers / ((System.nanoTime() - start) / 1e9);
        } finally {
            pool.shutdownNow();
        }
    }

    private static double millis(long nanos) {
        return nanos / 1e6;
    }
}
