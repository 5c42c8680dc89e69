package io.confab.rest;

import io.javalin.http.Context;
import io.javalin.router.Endpoint;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Per-request observability: one access-log line (method, path, status, duration, correlation id),
 * the {@code http.server.requests} latency histogram by route template (never the raw path), and
 * the gauge of open SSE streams.
 */
final class HttpMetrics {

    private static final Logger ACCESS = LoggerFactory.getLogger("io.confab.rest.access");

    private final MeterRegistry registry;
    private final AtomicInteger openStreams = new AtomicInteger();

    HttpMetrics(MeterRegistry registry) {
        this.registry = registry;
        registry.gauge("confab.sse.streams.open", openStreams);
    }

    void requestCompleted(Context ctx, float millis) {
        Endpoint endpoint = ctx.endpoints().lastHttpEndpoint();
        String route = endpoint == null ? "unmatched" : endpoint.path;
        int status = ctx.statusCode();
        Timer.builder("http.server.requests")
                .tag("method", ctx.method().name())
                .tag("route", route)
                .tag("status", Integer.toString(status))
                .publishPercentileHistogram()
                .register(registry)
                .record(Duration.ofNanos((long) (millis * 1_000_000)));
        ACCESS.info("{} {} {} {}ms {}", ctx.method().name(), ctx.path(), status,
                String.format(java.util.Locale.ROOT, "%.1f", millis), Correlation.id(ctx));
        MDC.remove(Correlation.MDC_KEY);
    }

    int openStreams() {
        return openStreams.get();
    }

    void streamOpened() {
        openStreams.incrementAndGet();
    }

    void streamClosed() {
        openStreams.decrementAndGet();
    }
}
