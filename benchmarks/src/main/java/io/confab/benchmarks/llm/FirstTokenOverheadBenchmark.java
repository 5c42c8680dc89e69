package io.confab.benchmarks.llm;

import io.confab.application.tools.TaskTools;
import io.confab.domain.Cancellation;
import io.confab.domain.model.ModelEvent;
import io.confab.domain.model.ModelMessage;
import io.confab.domain.model.ModelRequest;
import io.confab.llm.openai.OpenAiChatModel;
import io.confab.llm.openai.OpenAiSettings;
import io.confab.testkit.openai.FakeOpenAiServer;
import io.confab.testkit.openai.FakeReply;
import java.io.BufferedReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * Not a test: time to the first text delta through {@link OpenAiChatModel} minus the same measured
 * with a bare OkHttp call, against the fake server at 0 ms latency, {@code concurrency} streams at
 * once. Run: {@code java -cp <benchmarks classpath> io.confab.benchmarks.llm.FirstTokenOverheadBenchmark 100 20}.
 */
public final class FirstTokenOverheadBenchmark {

    private FirstTokenOverheadBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int concurrency = args.length > 0 ? Integer.parseInt(args[0]) : 100;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        try (FakeOpenAiServer fake = FakeOpenAiServer.start(
                FakeOpenAiServer.Options.defaults().withDefaultReply(FakeReply.text("one two three four five")));
             OpenAiChatModel model = new OpenAiChatModel(OpenAiSettings.of(fake.baseUrl(), "k", "fake-model"))) {
            OkHttpClient raw = new OkHttpClient.Builder().build();
            raw.dispatcher().setMaxRequestsPerHost(1000);
            ModelRequest request = new ModelRequest("Be brief.", List.of(new ModelMessage.User("hello")),
                    TaskTools.definitions());
            String body = "{\"model\":\"fake-model\",\"stream\":true,\"stream_options\":{\"include_usage\":true},"
                    + "\"messages\":[{\"role\":\"user\",\"content\":\"hello\"}]}";
            LongSupplier viaAdapter = () -> adapterFirstToken(model, request);
            LongSupplier viaOkHttp = () -> rawFirstToken(raw, fake.baseUrl(), body);
            int warmupRounds = Math.max(3, 500 / concurrency);
            measure(concurrency, warmupRounds, viaAdapter);
            measure(concurrency, warmupRounds, viaOkHttp);
            List<Long> adapter = measure(concurrency, rounds, viaAdapter);
            List<Long> bare = measure(concurrency, rounds, viaOkHttp);
            System.out.printf("first token, %d concurrent streams x %d rounds (µs): adapter p50 %d p99 %d | "
                            + "bare OkHttp p50 %d p99 %d | overhead p50 %d p99 %d%n",
                    concurrency, rounds, pct(adapter, 50), pct(adapter, 99), pct(bare, 50), pct(bare, 99),
                    pct(adapter, 50) - pct(bare, 50), pct(adapter, 99) - pct(bare, 99));
            raw.dispatcher().executorService().shutdown();
        }
    }

    private static List<Long> measure(int concurrency, int rounds, LongSupplier firstTokenMicros) throws Exception {
        List<Long> samples = Collections.synchronizedList(new ArrayList<>());
        try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int round = 0; round < rounds; round++) {
                CountDownLatch done = new CountDownLatch(concurrency);
                for (int i = 0; i < concurrency; i++) {
                    executor.submit(() -> {
                        samples.add(firstTokenMicros.getAsLong());
                        done.countDown();
                    });
                }
                done.await();
            }
        }
        return samples;
    }

    private static long adapterFirstToken(OpenAiChatModel model, ModelRequest request) {
        long started = System.nanoTime();
        AtomicLong first = new AtomicLong();
        model.stream(request, event -> {
            if (event instanceof ModelEvent.TextDelta && first.get() == 0) {
                first.set(System.nanoTime());
            }
        }, new Cancellation());
        return (first.get() - started) / 1000;
    }

    private static long rawFirstToken(OkHttpClient client, String baseUrl, String body) {
        long started = System.nanoTime();
        Request request = new Request.Builder().url(baseUrl + "/chat/completions")
                .header("Authorization", "Bearer k")
                .post(RequestBody.create(body, MediaType.get("application/json"))).build();
        try (Response response = client.newCall(request).execute();
             BufferedReader reader = new BufferedReader(response.body().charStream())) {
            long first = 0;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (first == 0 && line.contains("\"content\":\"o")) {
                    first = System.nanoTime();
                }
            }
            return (first - started) / 1000;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long pct(List<Long> samples, int percentile) {
        List<Long> sorted = samples.stream().sorted().toList();
        return sorted.get(Math.min(sorted.size() - 1, sorted.size() * percentile / 100));
    }
}
