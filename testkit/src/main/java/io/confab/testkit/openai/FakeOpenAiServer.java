package io.confab.testkit.openai;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.confab.json.JacksonMappers;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A scriptable OpenAI-compatible server over real HTTP (JDK {@code HttpServer}, virtual threads):
 * {@code POST /v1/chat/completions} streamed or whole, {@code GET /v1/models}. Tests script replies
 * and failures, then assert on the requests it recorded and on the clients that hung up early.
 */
public final class FakeOpenAiServer implements AutoCloseable {

    /**
     * How the server behaves when nothing else is scripted. {@code recordedRequests} is how many of
     * the latest requests {@link #requests()} keeps (0: none), so a long run does not fill the heap.
     */
    public record Options(String host, int port, double tokensPerSecond, Duration firstTokenLatency,
                          String model, Optional<String> apiKey, FakeReply defaultReply, int recordedRequests) {

        /** The latest requests kept by default: plenty for a test, a few megabytes at most under load. */
        public static final int DEFAULT_RECORDED_REQUESTS = 1_000;

        public Options {
            Objects.requireNonNull(host, "host");
            Objects.requireNonNull(firstTokenLatency, "firstTokenLatency");
            Objects.requireNonNull(model, "model");
            Objects.requireNonNull(apiKey, "apiKey");
            Objects.requireNonNull(defaultReply, "defaultReply");
            if (port < 0 || tokensPerSecond < 0 || firstTokenLatency.isNegative() || recordedRequests < 0) {
                throw new IllegalArgumentException(
                        "port, tokens per second, latency and recorded requests must not be negative");
            }
        }

        /**
         * Loopback, a free port, no pacing, any API key accepted, a short default text reply, the
         * latest {@value #DEFAULT_RECORDED_REQUESTS} requests recorded.
         */
        public static Options defaults() {
            return new Options("127.0.0.1", 0, 0, Duration.ZERO, "fake-model", Optional.empty(),
                    FakeReply.text("Hello from the fake model."), DEFAULT_RECORDED_REQUESTS);
        }

        public Options withPort(int value) {
            return new Options(host, value, tokensPerSecond, firstTokenLatency, model, apiKey, defaultReply, recordedRequests);
        }

        /** Paces streamed tokens; 0 streams as fast as it can. */
        public Options withTokensPerSecond(double value) {
            return new Options(host, port, value, firstTokenLatency, model, apiKey, defaultReply, recordedRequests);
        }

        public Options withFirstTokenLatency(Duration value) {
            return new Options(host, port, tokensPerSecond, value, model, apiKey, defaultReply, recordedRequests);
        }

        /** Answers 401 unless the request carries {@code Authorization: Bearer <key>}. */
        public Options withApiKey(String value) {
            return new Options(host, port, tokensPerSecond, firstTokenLatency, model, Optional.of(value), defaultReply,
                    recordedRequests);
        }

        public Options withDefaultReply(FakeReply value) {
            return new Options(host, port, tokensPerSecond, firstTokenLatency, model, apiKey, value, recordedRequests);
        }

        /** Keeps the latest {@code value} requests (0: none). */
        public Options withRecordedRequests(int value) {
            return new Options(host, port, tokensPerSecond, firstTokenLatency, model, apiKey, defaultReply, value);
        }

        /** Keeps no record of requests ({@link #requests()} stays empty): for benchmarks, where parsing them costs time. */
        public Options withoutRecording() {
            return withRecordedRequests(0);
        }
    }

    private static final ObjectMapper MAPPER = JacksonMappers.create();
    private static final String MAX_IDLE_CONNECTIONS = "sun.net.httpserver.maxIdleConnections";

    static {
        // Without TCP_NODELAY every small SSE frame waits for the client's delayed ACK (~40 ms).
        // The JDK server reads this once, before its first use in the JVM.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        // The JDK server keeps at most 200 idle keep-alive connections and closes the others as
        // their response ends, while the client may already be reusing them: a thousand streams
        // at once then lost requests (the direct baseline "received no bytes", turns through
        // Confab model_unavailable). Kept all here; an explicit -D setting wins.
        if (System.getProperty(MAX_IDLE_CONNECTIONS) == null) {
            System.setProperty(MAX_IDLE_CONNECTIONS, "10000");
        }
    }

    private final Options options;
    private final HttpServer server;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final CountDownLatch closing = new CountDownLatch(1);
    private final Script script;
    private final ReplyWriter writer;
    /** The latest requests, oldest first, at most {@link Options#recordedRequests()}; guarded by itself. */
    private final Deque<RecordedRequest> requests = new ArrayDeque<>();
    private final Object disconnectLock = new Object();
    private int disconnects;

    private FakeOpenAiServer(Options options) throws IOException {
        this.options = options;
        this.script = new Script(options.defaultReply());
        this.writer = new ReplyWriter(MAPPER, options, closing);
        this.server = HttpServer.create(new InetSocketAddress(options.host(), options.port()), 512);
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    /** Starts on a free loopback port with {@link Options#defaults()}. */
    public static FakeOpenAiServer start() {
        return start(Options.defaults());
    }

    public static FakeOpenAiServer start(Options options) {
        try {
            return new FakeOpenAiServer(options);
        } catch (IOException e) {
            throw new UncheckedIOException("the fake OpenAI server could not start", e);
        }
    }

    /** The base URL clients use, ending in {@code /v1}. */
    public String baseUrl() {
        return "http://" + options.host() + ":" + port() + "/v1";
    }

    /** The settings that point a Confab server at this fake as its OpenAI-compatible model. */
    public Map<String, String> confabSettings() {
        return Map.of("CONFAB_MODEL_PROVIDER", "openai", "OPENAI_BASE_URL", baseUrl(), "OPENAI_API_KEY", "test-key");
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** Replies used in order by the next requests, before any rule. */
    public FakeOpenAiServer enqueue(FakeReply... replies) {
        script.enqueue(Arrays.asList(replies));
        return this;
    }

    /**
     * Answers requests whose last user message contains {@code text} (ignoring case): the first
     * model call of the turn gets {@code rounds[0]}, the call after the first tool results
     * {@code rounds[1]}, and so on (the last one repeats). Stateless, so concurrent turns work.
     */
    public FakeOpenAiServer onUserMessage(String text, FakeReply... rounds) {
        script.onUserMessage(text, Arrays.asList(rounds));
        return this;
    }

    /**
     * Answers requests with a {@code json_schema} response format (structured outputs) whose last
     * user message contains {@code text} (ignoring case), before any queued reply or other rule:
     * {@code FakeReply.text(json)} answers with that content, a failure fails the call.
     */
    public FakeOpenAiServer onStructuredOutput(String text, FakeReply reply) {
        script.onStructuredOutput(text, reply);
        return this;
    }

    /** The reply when neither the queue nor a rule answers. */
    public FakeOpenAiServer defaultReply(FakeReply reply) {
        script.fallback(reply);
        return this;
    }

    /** The requests received so far, oldest first: the latest {@link Options#recordedRequests()} of them. */
    public List<RecordedRequest> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    public RecordedRequest lastRequest() {
        synchronized (requests) {
            if (requests.isEmpty()) {
                throw new IllegalStateException("no request was received");
            }
            return requests.getLast();
        }
    }

    /** Forgets scripted replies, rules and recorded requests. */
    public void reset() {
        script.clear();
        synchronized (requests) {
            requests.clear();
        }
        synchronized (disconnectLock) {
            disconnects = 0;
        }
    }

    /** How many streams ended because the client closed the connection before the end. */
    public int disconnects() {
        synchronized (disconnectLock) {
            return disconnects;
        }
    }

    /** Waits until at least {@code count} clients hung up mid-stream; false on timeout. */
    public boolean awaitDisconnects(int count, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (disconnectLock) {
            while (disconnects < count) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                disconnectLock.wait(Math.max(1, left / 1_000_000));
            }
            return true;
        }
    }

    @Override
    public void close() {
        closing.countDown();
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            String path = exchange.getRequestURI().getPath();
            byte[] body = readBody(exchange.getRequestBody());
            if ("GET".equals(method) && path.equals("/v1/models")) {
                record(exchange, MAPPER.createObjectNode());
                writer.writeJson(exchange, 200, models());
            } else if ("POST".equals(method) && path.equals("/v1/chat/completions")) {
                completeChat(exchange, body);
            } else {
                writer.writeJson(exchange, 404, errorBody("invalid_request_error", "unknown_url",
                        "Unknown request URL: " + method + " " + path));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void completeChat(HttpExchange exchange, byte[] body) throws IOException, InterruptedException {
        JsonNode request;
        try {
            request = MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            writer.writeJson(exchange, 400, errorBody("invalid_request_error", null,
                    "We could not parse the JSON body of your request."));
            return;
        }
        record(exchange, request);
        if (!authorized(exchange)) {
            writer.writeJson(exchange, 401, errorBody("invalid_request_error", "invalid_api_key",
                    "Incorrect API key provided."));
            return;
        }
        try {
            writer.write(exchange, request, script.choose(request));
        } catch (IOException e) {
            if (closing.getCount() > 0) {
                clientHungUp();
            }
        }
    }

    private boolean authorized(HttpExchange exchange) {
        return options.apiKey()
                .map(key -> ("Bearer " + key).equals(exchange.getRequestHeaders().getFirst("Authorization")))
                .orElse(true);
    }

    private void record(HttpExchange exchange, JsonNode body) {
        if (options.recordedRequests() == 0) {
            return;
        }
        Map<String, String> headers = new HashMap<>();
        exchange.getRequestHeaders().forEach((name, values) ->
                headers.put(name.toLowerCase(Locale.ROOT), String.join(",", values)));
        RecordedRequest request = new RecordedRequest(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                headers, body);
        synchronized (requests) {
            if (requests.size() == options.recordedRequests()) {
                requests.removeFirst();
            }
            requests.addLast(request);
        }
    }

    private void clientHungUp() {
        synchronized (disconnectLock) {
            disconnects++;
            disconnectLock.notifyAll();
        }
    }

    private ObjectNode models() {
        ObjectNode list = MAPPER.createObjectNode().put("object", "list");
        list.putArray("data").addObject()
                .put("id", options.model())
                .put("object", "model")
                .put("created", 1_700_000_000L)
                .put("owned_by", "confab");
        return list;
    }

    private static ObjectNode errorBody(String type, String code, String message) {
        ObjectNode body = MAPPER.createObjectNode();
        body.set("error", Completions.error(MAPPER, type, code, message));
        return body;
    }

    private static byte[] readBody(InputStream in) throws IOException {
        try (in) {
            return in.readAllBytes();
        }
    }
}
