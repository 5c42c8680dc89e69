package io.confab.testkit.openai;

import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Runs the fake server on its own, e.g. for benchmarks:
 * {@code java -cp … io.confab.testkit.openai.FakeOpenAiServerMain --port 8089 --tokens-per-second 50
 * --first-token-ms 200 --words 40}. Every request gets the default reply; it runs until killed and
 * keeps only the latest requests ({@code --recorded-requests}, 1,000 by default).
 */
public final class FakeOpenAiServerMain {

    private static final Map<String, BiFunction<FakeOpenAiServer.Options, String, FakeOpenAiServer.Options>> FLAGS = Map.of(
            "--port", (o, v) -> o.withPort(Integer.parseInt(v)),
            "--tokens-per-second", (o, v) -> o.withTokensPerSecond(Double.parseDouble(v)),
            "--first-token-ms", (o, v) -> o.withFirstTokenLatency(Duration.ofMillis(Long.parseLong(v))),
            "--api-key", FakeOpenAiServer.Options::withApiKey,
            "--recorded-requests", (o, v) -> o.withRecordedRequests(Integer.parseInt(v)),
            "--reply", (o, v) -> o.withDefaultReply(FakeReply.text(v)),
            "--words", (o, v) -> o.withDefaultReply(FakeReply.text(words(Integer.parseInt(v)))));

    private FakeOpenAiServerMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        FakeOpenAiServer.Options options = FakeOpenAiServer.Options.defaults().withPort(8089);
        for (int i = 0; i < args.length; i += 2) {
            var flag = FLAGS.get(args[i]);
            if (flag == null || i + 1 >= args.length) {
                System.err.println("usage: FakeOpenAiServerMain " + String.join(" ", FLAGS.keySet().stream()
                        .sorted().map(f -> "[" + f + " value]").toList()) + "   (got " + Arrays.toString(args) + ")");
                System.exit(2);
            }
            options = flag.apply(options, args[i + 1]);
        }
        FakeOpenAiServer server = FakeOpenAiServer.start(options);
        Runtime.getRuntime().addShutdownHook(new Thread(server::close));
        System.out.println("Fake OpenAI server on " + server.baseUrl()
                + " (" + options.tokensPerSecond() + " tokens/s, first token after "
                + options.firstTokenLatency().toMillis() + " ms)");
        Thread.currentThread().join();
    }

    /** A reply of {@code count} words. */
    static String words(int count) {
        String[] pool = {"the", "quick", "brown", "fox", "jumps", "over", "a", "lazy", "dog", "today"};
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < count; i++) {
            text.append(i == 0 ? "" : " ").append(pool[i % pool.length]);
        }
        return text.append('.').toString();
    }
}
