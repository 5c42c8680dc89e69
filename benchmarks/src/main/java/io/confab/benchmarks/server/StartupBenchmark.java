package io.confab.benchmarks.server;

import io.confab.bootstrap.StartupTraining;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.ToLongFunction;
import java.util.stream.Stream;

/**
 * Not a test: start-up to ready of {@code confab.jar} on its defaults (H2 file, in-process bus,
 * offline model), timed from process spawn to the first 200 of {@code /health/ready}. Runs
 * {@code java -jar} on a fresh data directory and on one that already holds the database
 * (a restart), then both again as the README's run command does it, with the ahead-of-time cache
 * the build wrote beside the jar ({@code confab.aot}, see {@link StartupTraining}).
 *
 * <p>Arguments: {@code [runs per case] [path of confab.jar]}.
 */
public final class StartupBenchmark {

    /** The JVM option of the README's run command, with {@code %s} for the cache. */
    private static final String AOT_CACHE_OPTION = "-XX:AOTCache=%s";
    private static final int PORT = 18_500;
    private static final HttpRequest READY = HttpRequest.newBuilder(
            URI.create("http://127.0.0.1:" + PORT + "/health/ready")).build();

    private final Path jar;
    private final HttpClient client = HttpClient.newHttpClient();

    private StartupBenchmark(Path jar) {
        this.jar = jar.toAbsolutePath();
    }

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 7;
        Path jar = Path.of(args.length > 1 ? args[1] : "bootstrap/target/confab.jar");
        if (!Files.isRegularFile(jar)) {
            System.out.println("no " + jar + ": run ./mvnw package first");
            return;
        }
        new StartupBenchmark(jar).run(runs);
    }

    private void run(int runs) throws Exception {
        Path cache = jar.resolveSibling("confab.aot");
        if (!Files.isRegularFile(cache)) {
            System.out.println("no " + cache + ": package with a JDK 25 (and without -Dconfab.aot.skip)");
            return;
        }
        List<String> withCache = List.of(AOT_CACHE_OPTION.formatted(cache));
        warmUpClient();
        fresh(1, List.of()); // untimed: disk cache warm, this JVM settled
        System.out.printf("start-up to ready, %d runs per case, load average %.2f before:%n", runs, loadAverage());
        List<Timing> plain = fresh(runs, List.of());
        report("java -jar, fresh data directory", plain, Timing::readyMillis);
        report("  ... its exit (SIGTERM to gone)", plain, Timing::exitMillis);
        report("java -jar, restart (database exists)", restart(runs, List.of()), Timing::readyMillis);
        report("README command (AOT cache), fresh data directory", fresh(runs, withCache), Timing::readyMillis);
        report("README command (AOT cache), restart", restart(runs, withCache), Timing::readyMillis);
        System.out.printf("load average after: %.2f%n", loadAverage());
    }

    private List<Timing> fresh(int runs, List<String> options) throws Exception {
        List<Timing> timings = new ArrayList<>();
        for (int run = 0; run < runs; run++) {
            Path data = Files.createTempDirectory("confab-start");
            timings.add(timed(data, options));
            delete(data);
        }
        return timings;
    }

    private List<Timing> restart(int runs, List<String> options) throws Exception {
        Path data = Files.createTempDirectory("confab-start");
        timed(data, options); // creates the database
        List<Timing> timings = new ArrayList<>();
        for (int run = 0; run < runs; run++) {
            timings.add(timed(data, options));
        }
        delete(data);
        return timings;
    }

    /** How long a run took from spawn to ready, and from SIGTERM to the process gone. */
    private record Timing(long readyMillis, long exitMillis) {
    }

    private Timing timed(Path directory, List<String> options) throws Exception {
        Start start = start(directory, options);
        long exitMillis = start.stop();
        return new Timing(start.readyMillis(), exitMillis);
    }

    /** Spawns the server in {@code directory} and waits for it to be ready. */
    private Start start(Path directory, List<String> options) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(options);
        command.addAll(List.of("-jar", jar.toString()));
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(directory.toFile())
                .redirectErrorStream(true)
                .redirectOutput(directory.resolve("out.log").toFile());
        builder.environment().put("CONFAB_PORT", Integer.toString(PORT));
        long spawned = System.nanoTime();
        Process process = builder.start();
        try {
            return new Start(process, awaitReady(spawned));
        } catch (RuntimeException | InterruptedException e) {
            process.destroyForcibly();
            throw e;
        }
    }

    /** The HTTP client's own start (threads, classes) happens here, not while a server starts. */
    private void warmUpClient() throws InterruptedException {
        try {
            client.send(READY, HttpResponse.BodyHandlers.discarding());
        } catch (IOException expected) {
            // nothing listens yet
        }
    }

    /**
     * Probes the port with a bare connect every 5 ms (far cheaper for the two shared cores than an
     * HTTP attempt), then asks {@code /health/ready} until it answers 200.
     */
    private long awaitReady(long spawned) throws InterruptedException {
        while (System.nanoTime() - spawned < TimeUnit.SECONDS.toNanos(60)) {
            try {
                if (isListening() && client.send(READY, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - spawned);
                }
            } catch (IOException notYet) {
                // not answering yet
            }
            Thread.sleep(5);
        }
        throw new IllegalStateException("the server was not ready within 60 s");
    }

    private static boolean isListening() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", PORT), 1_000);
            return true;
        } catch (IOException refused) {
            return false;
        }
    }

    /** A started server: when it was ready; {@link #stop()} ends it (SIGTERM) and times the exit. */
    private record Start(Process process, long readyMillis) {
        long stop() throws InterruptedException {
            long stopping = System.nanoTime();
            process.destroy();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
            return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - stopping);
        }
    }

    private static void report(String what, List<Timing> timings, ToLongFunction<Timing> measure) {
        long[] sorted = timings.stream().mapToLong(measure).sorted().toArray();
        System.out.printf(Locale.ROOT, "  %-50s median %5d ms, min %5d ms, max %5d ms%n",
                what, sorted[sorted.length / 2], sorted[0], sorted[sorted.length - 1]);
    }

    private static void delete(Path directory) throws IOException {
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    private static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }
}
