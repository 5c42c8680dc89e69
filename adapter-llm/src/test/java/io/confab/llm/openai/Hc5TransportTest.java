package io.confab.llm.openai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.openai.core.RequestOptions;
import com.openai.core.Timeout;
import com.openai.core.http.HttpMethod;
import com.openai.core.http.HttpRequest;
import com.openai.core.http.HttpRequestBody;
import com.openai.core.http.HttpResponse;
import com.openai.errors.OpenAIIoException;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The transport openai-java sends through, against a plain JDK HTTP server that records what arrives. */
class Hc5TransportTest {

    private static final Timeout TIMEOUTS = Timeout.builder()
            .request(Duration.ofSeconds(20)).connect(Duration.ofSeconds(5)).read(Duration.ofSeconds(10)).build();

    private final CallDeadlines timers = new CallDeadlines();
    private final Hc5Transport transport = new Hc5Transport(TIMEOUTS, timers);
    private final BlockingQueue<Arrived> arrived = new LinkedBlockingQueue<>();
    private HttpServer server;
    private volatile Duration answerDelay = Duration.ZERO;
    private volatile Duration pause = Duration.ZERO;

    /** What the server saw of one request. */
    private record Arrived(String method, String uri, Map<String, List<String>> headers, String body, int clientPort) {
    }

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", this::answer);
        server.start();
    }

    @AfterEach
    void stop() {
        transport.close();
        timers.close();
        server.stop(0);
    }

    @Test
    void aRequest_arrivesWithItsMethodPathEveryHeaderAndQueryValueAndItsBody() throws Exception {
        HttpRequest request = post("{\"q\":1}").toBuilder()
                .putHeader("X-Many", "one")
                .putHeader("X-Many", "two")
                .putQueryParam("tag", "a b")
                .putQueryParam("tag", "c&d")
                .build();

        try (HttpResponse response = transport.execute(request, RequestOptions.none())) {
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().values("X-Reply")).containsExactly("first", "second");
            assertThat(new String(response.body().readAllBytes(), StandardCharsets.UTF_8))
                    .isEqualTo("data: 1\n\ndata: [DONE]\n\n");
        }

        Arrived seen = arrived.take();
        assertThat(seen.method()).isEqualTo("POST");
        assertThat(seen.uri()).isEqualTo("/v1/chat/completions?tag=a+b&tag=c%26d");
        assertThat(seen.headers().get("X-many")).containsExactly("one", "two");
        assertThat(seen.headers().get("Content-type")).containsExactly("application/json");
        assertThat(seen.headers().get("Content-length")).containsExactly("7");
        assertThat(seen.body()).isEqualTo("{\"q\":1}");
    }

    @ParameterizedTest(name = "{0} bytes")
    @ValueSource(ints = {8_000, 30_000, 100_000})
    void aBody_arrivesWhole_whetherItFitsTheConnectionsBufferWithItsHeadOrNot(int size) throws Exception {
        String json = "{\"q\":\"" + "x".repeat(size) + "\"}";

        try (HttpResponse response = transport.execute(post(json), RequestOptions.none())) {
            assertThat(response.statusCode()).isEqualTo(200);
        }

        Arrived seen = arrived.take();
        assertThat(seen.headers().get("Content-length")).containsExactly(String.valueOf(json.length()));
        assertThat(seen.body()).isEqualTo(json);
    }

    @Test
    void sequentialCalls_shareOneConnection_evenWhenABodyIsClosedBeforeItsEnd() throws Exception {
        for (int call = 0; call < 3; call++) {
            try (HttpResponse response = transport.execute(post("{}"), RequestOptions.none())) {
                BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8));
                assertThat(lines.readLine()).isEqualTo("data: 1");
            }
        }

        List<Integer> clientPorts = List.of(arrived.take(), arrived.take(), arrived.take()).stream()
                .map(Arrived::clientPort)
                .distinct()
                .toList();
        assertThat(clientPorts).hasSize(1);
    }

    @Test
    void aRequestsOwnTimeout_endsAnAnswerThatTakesLonger_asATimeout() {
        answerDelay = Duration.ofSeconds(5);
        RequestOptions shortCall = RequestOptions.builder().timeout(Duration.ofMillis(300)).build();
        long started = System.nanoTime();

        assertThatThrownBy(() -> transport.execute(post("{}"), shortCall))
                .isInstanceOf(OpenAIIoException.class)
                .hasCauseInstanceOf(InterruptedIOException.class);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
    }

    @Test
    void givenAReadTimeoutShorterThanTheSilence_theExchangeFailsAfterIt() {
        answerDelay = Duration.ofSeconds(5);
        RequestOptions quickReads = RequestOptions.builder()
                .timeout(TIMEOUTS.toBuilder().read(Duration.ofMillis(300)).build()).build();
        long started = System.nanoTime();

        assertThatThrownBy(() -> transport.execute(post("{}"), quickReads))
                .isInstanceOf(OpenAIIoException.class)
                .hasCauseInstanceOf(SocketTimeoutException.class);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
    }

    @Test
    void silencesShorterThanTheReadTimeout_addingUpToMore_doNotEndTheExchange() throws IOException {
        answerDelay = Duration.ofMillis(250);
        pause = Duration.ofMillis(250);
        RequestOptions quickReads = RequestOptions.builder()
                .timeout(TIMEOUTS.toBuilder().read(Duration.ofMillis(400)).build()).build();

        try (HttpResponse response = transport.execute(post("{}"), quickReads)) {
            String body = new String(response.body().readAllBytes(), StandardCharsets.UTF_8);

            assertThat(body).isEqualTo("data: 1\n\ndata: [DONE]\n\n");
        }
    }

    @Test
    void closingABodyBeforeItsEnd_whileItsRestDoesNotCome_returnsWithinTheDrainLimit() throws IOException {
        pause = Duration.ofSeconds(5);
        HttpResponse response = transport.execute(post("{}"), RequestOptions.none());
        BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8));
        assertThat(lines.readLine()).isEqualTo("data: 1");
        long closing = System.nanoTime();

        response.close();

        assertThat(Duration.ofNanos(System.nanoTime() - closing)).isLessThan(Duration.ofSeconds(2));
    }

    private HttpRequest post(String json) {
        return HttpRequest.builder()
                .method(HttpMethod.POST)
                .baseUrl("http://127.0.0.1:" + server.getAddress().getPort() + "/v1")
                .addPathSegments("chat", "completions")
                .putHeader("Content-Type", "application/json")
                .body(new JsonBody(json))
                .build();
    }

    /** Records the request, then (after {@link #answerDelay}) streams two events in chunks ({@link #pause} apart) and ends the body. */
    private void answer(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        arrived.add(new Arrived(exchange.getRequestMethod(), exchange.getRequestURI().toString(),
                Map.copyOf(exchange.getRequestHeaders()), body, exchange.getRemoteAddress().getPort()));
        sleep(answerDelay);
        exchange.getResponseHeaders().add("X-Reply", "first");
        exchange.getResponseHeaders().add("X-Reply", "second");
        exchange.sendResponseHeaders(200, 0);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write("data: 1\n\n".getBytes(StandardCharsets.UTF_8));
            out.flush();
            sleep(pause);
            out.write("data: [DONE]\n\n".getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            // the client gave up first
        }
    }

    private static void sleep(Duration duration) {
        try {
            TimeUnit.MILLISECONDS.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A JSON request body as openai-java hands one over. */
    private record JsonBody(String json) implements HttpRequestBody {

        @Override
        public void writeTo(OutputStream out) {
            try {
                out.write(json.getBytes(StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public InputStream content() {
            return new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public String contentType() {
            return "application/json";
        }

        @Override
        public long contentLength() {
            return json.getBytes(StandardCharsets.UTF_8).length;
        }

        @Override
        public boolean repeatable() {
            return true;
        }

        @Override
        public void close() {
        }
    }
}
