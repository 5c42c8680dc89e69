package io.confab.rest;

import io.javalin.http.Context;
import io.javalin.router.Endpoint;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
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
    /** The timer of each (method, route, status) seen: building and registering one per request cost more than recording. */
    private final ConcurrentMap<TimerKey, Timer> timers = new ConcurrentHashMap<>();

    private record TimerKey(String method, String route, int status) {
    }

    HttpMetrics(MeterRegistry registry) {
        this.registry = registry;
        registry.gauge("confab.sse.streams.open", openStreams);
    }

    void requestCompleted(Context ctx, float millis) {
        Endpoint endpoint = ctx.endpoints().lastHttpEndpoint();
        String method = ctx.method().name();
        int status = ctx.statusCode();
        timers.computeIfAbsent(new TimerKey(method, endpoint == null ? "unmatched" : endpoint.path, status), this::timer)
                .record((long) (millis * 1_000_000), TimeUnit.NANOSECONDS);
        long tenths = Math.round(millis * 10);
        ACCESS.info("{} {} {} {}.{}ms {}", method, ctx.path(), status, tenths / 10, tenths % 10, Correlation.id(ctx));
        MDC.remove(Correlation.MDC_KEY);
    }

    private Timer timer(TimerKey key) {
        return Timer.builder("http.server.requests")
                .tag("method", key.method())
                .tag("route", key.route())
                .tag("status", Integer.toString(key.status()))
                .publishPercentileHistogram()
                .register(registry);
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
