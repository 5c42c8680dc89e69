package io.confab.benchmarks.load;

import java.net.URI;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The command line of {@link LoadBenchmark}: what to run against which server, and the sizes.
 * {@code --quick} shrinks every size and duration for a smoke run; explicit flags still win.
 */
record BenchOptions(
        List<String> scenarios,
        Optional<URI> url,
        Optional<URI> modelUrl,
        String database,
        String pgAdminUrl,
        boolean pgSynchronousCommit,
        int users,
        double seconds,
        double warmupSeconds,
        double restWarmupSeconds,
        double rate,
        List<Integer> streams,
        List<Integer> openStreams,
        int sockets,
        int crossSockets,
        String redisUrl,
        int historySize,
        int historyTurns,
        double tokensPerSecond,
        int firstTokenMillis,
        Optional<Path> replyMetadata,
        Path output,
        boolean quick) {

    static final List<String> ALL = List.of("turns", "ttft", "rest", "sockets", "history", "crossinstance");
    static final String DEFAULT_PG_URL = "jdbc:postgresql://127.0.0.1:5432/test?user=postgres";
    static final String DEFAULT_REDIS_URL = "redis://127.0.0.1:6379";

    static final String USAGE = """
            usage: LoadBenchmark [--scenarios turns,ttft,rest,sockets,history,crossinstance] [--quick]
              [--url http://host:port  (target a running Confab in development auth; default: start one in-process)]
              [--model-url http://host:port/v1  (the fake model behind --url, for the ttft baseline)]
              [--db postgres|h2] [--pg-url jdbc:postgresql://127.0.0.1:5432/test?user=postgres  (env CONFAB_BENCH_PG_URL)]
              [--pg-synchronous-commit on|off  (off: the fresh database does not wait for the WAL flush on commit)]
              [--users 64] [--seconds 20] [--warmup 5] [--rest-warmup 20] [--rate 1000] [--streams 1,100,1000] [--open-streams 100]
              [--sockets 10000] [--history 100000] [--history-turns 300]
              [--cross-sockets 100] [--redis-url redis://127.0.0.1:6379  (env CONFAB_BENCH_REDIS_URL)]
              [--tokens-per-second 0] [--first-token-ms 0] [--out target/bench-results.json]
              [--reply-metadata docs/profiles/home-services.json  (in-process: CONFAB_REPLY_METADATA, one structured-output call per turn)]""";

    static BenchOptions parse(String[] args, Map<String, String> environment) {
        Map<String, String> flags = new LinkedHashMap<>();
        boolean quick = false;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--quick")) {
                quick = true;
            } else if (arg.startsWith("--") && i + 1 < args.length) {
                flags.put(arg.substring(2), args[++i]);
            } else {
                throw new IllegalArgumentException("unknown argument '" + arg + "'\n" + USAGE);
            }
        }
        BenchOptions options = new BenchOptions(
                list(flags.remove("scenarios"), ALL),
                Optional.ofNullable(flags.remove("url")).map(URI::create),
                Optional.ofNullable(flags.remove("model-url")).map(URI::create),
                flags.getOrDefault("db", "postgres"),
                flags.getOrDefault("pg-url", environment.getOrDefault("CONFAB_BENCH_PG_URL", DEFAULT_PG_URL)),
                !"off".equals(flags.remove("pg-synchronous-commit")),
                integer(flags.remove("users"), 64),
                decimal(flags.remove("seconds"), quick ? 3 : 20),
                decimal(flags.remove("warmup"), quick ? 1 : 5),
                decimal(flags.remove("rest-warmup"), quick ? 1 : 20),
                decimal(flags.remove("rate"), 1_000),
                list(flags.remove("streams"), quick ? List.of("1", "100") : List.of("1", "100", "1000"))
                        .stream().map(Integer::parseInt).toList(),
                list(flags.remove("open-streams"), List.of("100")).stream().map(Integer::parseInt).toList(),
                integer(flags.remove("sockets"), quick ? 500 : 10_000),
                integer(flags.remove("cross-sockets"), quick ? 20 : 100),
                flags.getOrDefault("redis-url", environment.getOrDefault("CONFAB_BENCH_REDIS_URL", DEFAULT_REDIS_URL)),
                integer(flags.remove("history"), quick ? 10_000 : 100_000),
                integer(flags.remove("history-turns"), quick ? 40 : 300),
                decimal(flags.remove("tokens-per-second"), 0),
                integer(flags.remove("first-token-ms"), 0),
                Optional.ofNullable(flags.remove("reply-metadata")).map(Path::of),
                Path.of(flags.getOrDefault("out", "target/bench-results.json")),
                quick);
        flags.remove("db");
        flags.remove("pg-url");
        flags.remove("redis-url");
        flags.remove("out");
        if (!flags.isEmpty()) {
            throw new IllegalArgumentException("unknown flag(s) " + flags.keySet() + "\n" + USAGE);
        }
        if (!List.of("postgres", "h2").contains(options.database())) {
            throw new IllegalArgumentException("--db must be postgres or h2");
        }
        options.scenarios().stream().filter(s -> !ALL.contains(s)).findFirst().ifPresent(s -> {
            throw new IllegalArgumentException("unknown scenario '" + s + "'; known: " + ALL);
        });
        return options;
    }

    private static List<String> list(String value, List<String> fallback) {
        return value == null ? fallback : Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    private static int integer(String value, int fallback) {
        return value == null ? fallback : Integer.parseInt(value.replace("_", ""));
    }

    private static double decimal(String value, double fallback) {
        return value == null ? fallback : Double.parseDouble(value);
    }

    long warmupNanos() {
        return (long) (warmupSeconds * 1e9);
    }

    /** The {@code rest} warm-up: C2 keeps compiling both read paths for about 20 s at 1,000 req/s. */
    long restWarmupNanos() {
        return (long) (restWarmupSeconds * 1e9);
    }

    long measureNanos() {
        return (long) (seconds * 1e9);
    }
}
