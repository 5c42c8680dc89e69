package io.confab.benchmarks.load;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.URI;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;

/**
 * {@code sockets}: N idle WebSockets of one user, opened by a child JVM ({@link SocketClients}) so
 * that the server's heap and RSS (in-process: {@link MemoryMXBean} after GC, {@code VmRSS}) are
 * not mixed with the clients' and each process stays under its file limit; then one
 * {@code create_conversation} fans a {@code conversation_created} event out to every socket and
 * the child reports the delivery latency.
 */
final class SocketsScenario implements Scenario {

    @Override
    public String name() {
        return "sockets";
    }

    @Override
    public List<ScenarioResult> run(Target target, BenchOptions options) throws Exception {
        ConfabClient client = target.client();
        String token = client.token("sockets-" + System.nanoTime());
        URI ws = URI.create(client.base().toString().replaceFirst("^http", "ws") + "/ws/chat?token=" + token);
        if (!available(client, ws)) {
            return List.of(ScenarioResult.skipped(name(), "websocket not available at /ws/chat"));
        }
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long heapBefore = heapAfterGc(memory);
        long rssBefore = rssBytes();
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xss256k", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"), SocketClients.class.getName(),
                ws.toString(), Integer.toString(options.sockets()))
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
             Writer in = child.outputWriter()) {
            String[] connected = expect(out, "CONNECTED");
            int open = Integer.parseInt(connected[1]);
            int failed = Integer.parseInt(connected[2]);
            long heapPerSocket = (heapAfterGc(memory) - heapBefore) / Math.max(1, open);
            long rssPerSocket = (rssBytes() - rssBefore) / Math.max(1, open);
            in.write("FANOUT\n");
            in.flush();
            String[] delivered = expect(out, "DELIVERED");
            Histogram.Summary latency = new Histogram.Summary(Integer.parseInt(delivered[1]), Double.parseDouble(delivered[2]),
                    Double.parseDouble(delivered[3]), Double.parseDouble(delivered[4]), Double.parseDouble(delivered[5]));
            long missed = open - latency.count();
            ScenarioResult result = new ScenarioResult(name(), String.format("%,d sockets, fan-out of one event", open),
                    latency.count(), failed + missed, 0, latency, java.util.Map.of());
            if (target.inProcess().isPresent()) {
                result = result.withNote("heap_per_socket_kib", ResultTable.decimal(heapPerSocket / 1024.0, 1))
                        .withNote("rss_per_socket_kib", ResultTable.decimal(rssPerSocket / 1024.0, 1));
            }
            return List.of(result.withNote("connect_s", connected[3]).withNote("target", "< 32 KiB heap per socket"));
        } finally {
            child.destroy();
            if (!child.waitFor(30, TimeUnit.SECONDS)) {
                child.destroyForcibly();
            }
        }
    }

    private static boolean available(ConfabClient client, URI ws) {
        try {
            WebSocket socket = client.http().newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10))
                    .buildAsync(ws, new WebSocket.Listener() { }).join();
            socket.abort();
            return true;
        } catch (CompletionException e) {
            return false;
        }
    }

    private static String[] expect(BufferedReader out, String word) throws IOException {
        String line;
        while ((line = out.readLine()) != null) {
            if (line.startsWith(word + " ")) {
                return line.split(" ");
            }
        }
        throw new IllegalStateException("the socket client ended before reporting " + word);
    }

    private static long heapAfterGc(MemoryMXBean memory) {
        memory.gc();
        memory.gc();
        return memory.getHeapMemoryUsage().getUsed();
    }

    /** This process's resident set size ({@code VmRSS} in {@code /proc/self/status}); 0 where there is none. */
    static long rssBytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
                }
            }
        } catch (IOException | NumberFormatException e) {
            return 0;
        }
        return 0;
    }
}
