package io.confab.llm.openai;

import com.openai.core.RequestOptions;
import com.openai.core.Timeout;
import com.openai.core.http.Headers;
import com.openai.core.http.HttpClient;
import com.openai.core.http.HttpRequest;
import com.openai.core.http.HttpRequestBody;
import com.openai.core.http.HttpResponse;
import com.openai.errors.OpenAIIoException;
import io.confab.domain.Cancellation;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.net.ProxySelector;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.ManagedHttpClientConnectionFactory;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.impl.routing.SystemDefaultRoutePlanner;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.config.Http1Config;
import org.apache.hc.core5.http.io.SocketConfig;
import org.apache.hc.core5.http.io.entity.AbstractHttpEntity;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.pool.PoolConcurrencyPolicy;
import org.apache.hc.core5.util.TimeValue;

/**
 * openai-java's HTTP transport on Apache HttpClient 5's classic, blocking API: the calling
 * (virtual) thread writes the request and reads the streamed reply straight from the socket, and
 * the pool hands connections over without a cleanup thread woken per call (OkHttp's pool spent
 * 10–20 % of a turn's CPU on that). Each exchange honours openai-java's {@link Timeout} (connect,
 * per read, whole request), closes its socket at once when the current {@link CallCancellation}
 * scope is cancelled, and retries nothing itself (openai-java does). Its sockets have no read
 * timeout: the silence between reads is watched by {@link CallDeadlines#watchSilence}, which
 * closes the socket instead (a timed read is a timed park of the virtual thread, each one handed to
 * the JDK's delay scheduler and taken back).
 */
final class Hc5Transport implements HttpClient {

    /**
     * Connections to the endpoint, a cap its concurrency does not reach: HttpClient has no limit
     * of idle connections apart from the total (OkHttp kept 256 idle ones, unlimited in use).
     */
    private static final int MAX_CONNECTIONS = 1024;
    private static final Duration IDLE_KEEP_ALIVE = Duration.ofMinutes(1);
    /** A pooled connection idle for longer is checked before reuse, so a closed one is not sent a request. */
    private static final TimeValue CHECK_AFTER_IDLE = TimeValue.ofSeconds(2);
    /**
     * How long closing a body before its end may read the rest (an SSE reply's last bytes after
     * {@code [DONE]}) to keep the connection, as OkHttp did; a longer rest drops the connection.
     */
    private static final Duration DRAIN_LIMIT = Duration.ofMillis(100);
    /**
     * Each connection's buffers: a request whose head and body fit goes out in one write, where
     * HttpClient's default 8 KB sent the head, then the body (a turn with 50 messages of history
     * asks ~8.5 KB).
     */
    private static final int BUFFER_SIZE = 32 * 1024;
    /** A socket's reads wait without a timeout of their own (see {@link CallDeadlines#watchSilence}). */
    private static final org.apache.hc.core5.util.Timeout UNTIMED = org.apache.hc.core5.util.Timeout.DISABLED;

    private final Timeout defaults;
    private final CallDeadlines timers;
    private final CloseableHttpClient client;

    /** {@code defaults} for requests without their own timeout; {@code timers} bound each exchange. */
    Hc5Transport(Timeout defaults, CallDeadlines timers) {
        this.defaults = defaults;
        this.timers = timers;
        this.client = HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setPoolConcurrencyPolicy(PoolConcurrencyPolicy.LAX)
                        .setMaxConnTotal(MAX_CONNECTIONS)
                        .setMaxConnPerRoute(MAX_CONNECTIONS)
                        .setConnectionFactory(ManagedHttpClientConnectionFactory.builder()
                                .http1Config(Http1Config.copy(Http1Config.DEFAULT).setBufferSize(BUFFER_SIZE).build())
                                .build())
                        // no Nagle: a request body past one write must not wait for the endpoint's ACK (up to 40 ms)
                        .setDefaultSocketConfig(SocketConfig.custom().setTcpNoDelay(true)
                                .setSoTimeout(UNTIMED).build())
                        .setDefaultConnectionConfig(ConnectionConfig.custom()
                                .setConnectTimeout(hc(defaults.connect()))
                                .setSocketTimeout(UNTIMED)
                                .setValidateAfterInactivity(CHECK_AFTER_IDLE)
                                .build())
                        .build())
                .setRoutePlanner(new SystemDefaultRoutePlanner(ProxySelector.getDefault()))
                .evictIdleConnections(TimeValue.of(IDLE_KEEP_ALIVE))
                .disableAutomaticRetries()
                .disableRedirectHandling()
                .disableContentCompression()
                .disableCookieManagement()
                .disableAuthCaching()
                .disableConnectionState()
                .build();
    }

    @Override
    public HttpResponse execute(HttpRequest request, RequestOptions options) {
        Timeout timeout = options.getTimeout() != null ? options.getTimeout() : defaults;
        Cancellation abort = new Cancellation();
        CallDeadlines.Silence silence = timers.watchSilence(timeout.read(), abort);
        HttpUriRequestBase exchange = exchange(request, timeout, silence);
        abort.onCancel(exchange::cancel);
        CallDeadlines.Deadline deadline = timers.start(timeout.request(), abort);
        CallCancellation.onCancel(exchange::cancel);
        try {
            return new Response(client.executeOpen(null, exchange, null), exchange, deadline, silence);
        } catch (IOException | RuntimeException e) {
            boolean aborted = exchange.isCancelled();
            exchange.cancel(); // drops the connection of a response that could not be handed over
            deadline.close();
            silence.close();
            if (e instanceof RuntimeException bug && !aborted) {
                throw bug;
            }
            throw new OpenAIIoException("Request failed", timedOut(e, deadline, silence).orElseGet(() -> ioFailure(e)));
        } finally {
            if (request.body() != null) {
                request.body().close();
            }
        }
    }

    /** Blocking calls are what this transport is for; the async API runs one on a virtual thread. */
    @Override
    public CompletableFuture<HttpResponse> executeAsync(HttpRequest request, RequestOptions options) {
        return CompletableFuture.supplyAsync(() -> execute(request, options), Thread.ofVirtual()::start);
    }

    /** Closes the pooled connections and stops the evictor of idle ones. */
    @Override
    public void close() {
        client.close(CloseMode.GRACEFUL);
    }

    /**
     * The request as openai-java built it: its URL, every header value, its body (heard by
     * {@code silence} once written) and this call's connect timeout.
     */
    private static HttpUriRequestBase exchange(HttpRequest request, Timeout timeout, CallDeadlines.Silence silence) {
        HttpUriRequestBase exchange = new HttpUriRequestBase(request.method().name(), URI.create(request.url()));
        Headers headers = request.headers();
        for (String name : headers.names()) {
            for (String value : headers.values(name)) {
                exchange.addHeader(name, value);
            }
        }
        if (request.body() != null) {
            exchange.setEntity(new RequestBody(request.body(), silence));
        }
        @SuppressWarnings("deprecation") // still the per-request connect timeout; ConnectionConfig's is per pool
        RequestConfig config = RequestConfig.custom()
                .setConnectTimeout(hc(timeout.connect()))
                .setResponseTimeout(UNTIMED)
                .build();
        exchange.setConfig(config);
        return exchange;
    }

    /**
     * An aborted exchange fails as I/O whatever HttpClient threw (an abort racing its reading of the
     * head can surface as an {@code IllegalStateException}), so openai-java handles it as such.
     */
    private static IOException ioFailure(Exception e) {
        if (e instanceof IOException io) {
            return io;
        }
        InterruptedIOException aborted = new InterruptedIOException("request aborted");
        aborted.initCause(e);
        return aborted;
    }

    /**
     * An exchange aborted by its request timeout or its silence fails as a timeout (the request's,
     * or a read's as a socket timeout would have), not as a lost connection.
     */
    private static Optional<IOException> timedOut(Exception cause, CallDeadlines.Deadline deadline,
                                                  CallDeadlines.Silence silence) {
        InterruptedIOException timedOut;
        if (deadline.passed()) {
            timedOut = new InterruptedIOException("request timed out");
        } else if (silence.expired()) {
            timedOut = new SocketTimeoutException("Read timed out");
        } else {
            return Optional.empty();
        }
        timedOut.initCause(cause);
        return Optional.of(timedOut);
    }

    private static org.apache.hc.core5.util.Timeout hc(Duration duration) {
        return org.apache.hc.core5.util.Timeout.of(duration);
    }

    /** openai-java's request body, written straight to the connection with its own type and length. */
    private static final class RequestBody extends AbstractHttpEntity {

        private final HttpRequestBody body;
        private final CallDeadlines.Silence silence;

        RequestBody(HttpRequestBody body, CallDeadlines.Silence silence) {
            super(body.contentType(), null, body.contentLength() < 0);
            this.body = body;
            this.silence = silence;
        }

        @Override
        public void writeTo(OutputStream out) {
            body.writeTo(out);
            silence.heard();
        }

        @Override
        public InputStream getContent() {
            return body.content();
        }

        @Override
        public long getContentLength() {
            return body.contentLength();
        }

        @Override
        public boolean isRepeatable() {
            return body.repeatable();
        }

        @Override
        public boolean isStreaming() {
            return false;
        }

        @Override
        public void close() {
            body.close();
        }
    }

    /**
     * One response, its body read from the socket as it arrives. Closing it returns the connection
     * to the pool when the body was read to its end (or its rest drained in time), else drops it.
     */
    private final class Response implements HttpResponse {

        private final ClassicHttpResponse response;
        private final HttpUriRequestBase exchange;
        private final CallDeadlines.Deadline deadline;
        private final CallDeadlines.Silence silence;
        private final Headers headers;
        private final Body body;

        Response(ClassicHttpResponse response, HttpUriRequestBase exchange, CallDeadlines.Deadline deadline,
                 CallDeadlines.Silence silence) throws IOException {
            this.response = response;
            this.exchange = exchange;
            this.deadline = deadline;
            this.silence = silence;
            Headers.Builder copy = Headers.builder();
            for (Header header : response.getHeaders()) {
                copy.put(header.getName(), header.getValue());
            }
            this.headers = copy.build();
            HttpEntity entity = response.getEntity();
            this.body = entity == null ? new Body(InputStream.nullInputStream(), true) : new Body(entity.getContent(), false);
        }

        @Override
        public int statusCode() {
            return response.getCode();
        }

        @Override
        public Headers headers() {
            return headers;
        }

        @Override
        public InputStream body() {
            return body;
        }

        @Override
        public void close() {
            if (body.broken) {
                exchange.cancel(); // a broken stream is not drained, it would only wait for more
            }
            if (!body.ended && !body.broken) {
                silence.endBy(DRAIN_LIMIT);
            }
            try {
                response.close();
            } catch (IOException e) {
                // the connection is dropped, which is all closing has to do then
            } finally {
                silence.close();
                deadline.close();
            }
        }

        /** The body's stream; remembers whether it ended or broke, and reports an expired request as a timeout. */
        private final class Body extends FilterInputStream {

            private boolean ended;
            private boolean broken;

            Body(InputStream in, boolean ended) {
                super(in);
                this.ended = ended;
            }

            @Override
            public int read() throws IOException {
                try {
                    int read = super.read();
                    ended |= read < 0;
                    silence.heard();
                    return read;
                } catch (IOException e) {
                    throw broken(e);
                }
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                try {
                    int read = super.read(buffer, offset, length);
                    ended |= read < 0;
                    silence.heard();
                    return read;
                } catch (IOException e) {
                    throw broken(e);
                }
            }

            private IOException broken(IOException e) {
                broken = true;
                return timedOut(e, deadline, silence).orElse(e);
            }
        }
    }
}
