package io.confab.rest;

import io.confab.domain.port.TokenVerifier;
import io.javalin.config.JavalinConfig;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.staticfiles.JavalinStaticResourceHandler;
import io.javalin.http.staticfiles.Location;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The HTTP API of Confab (SPEC §4, §5): REST routes, SSE, JWT authentication, problem+json errors,
 * correlation ids, health, metrics and the OpenAPI document. Built once with {@link #builder()},
 * then {@link #register registered} on a Javalin configuration next to other adapters' routes.
 */
public final class RestApi {

    /** The most of a refused body read to keep its connection open; past it the connection is closed. */
    private static final long DISCARD_LIMIT = 4L * 1024 * 1024;

    private final RestUseCases useCases;
    private final TokenVerifier verifier;
    private final Optional<DevTokens> devTokens;
    private final RestSettings settings;
    private final PrometheusMeterRegistry registry;
    private final Map<String, ReadinessCheck> readinessChecks;
    private final Map<String, ReadinessDetail> readinessDetails;
    private final HttpMetrics metrics;

    private RestApi(Builder builder) {
        this.useCases = Objects.requireNonNull(builder.useCases, "useCases");
        this.devTokens = builder.devTokens;
        this.verifier = builder.verifier != null ? builder.verifier
                : devTokens.map(DevTokens::verifier).orElseThrow(() -> new NullPointerException("tokenVerifier"));
        this.settings = builder.settings;
        this.registry = Objects.requireNonNull(builder.registry, "registry");
        this.readinessChecks = Map.copyOf(builder.readinessChecks);
        this.readinessDetails = Map.copyOf(builder.readinessDetails);
        this.metrics = new HttpMetrics(registry);
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Adds the routes, before-handlers, error mapping (Jetty's own errors too), security headers,
     * body limit, request log and the static chat page (classpath {@code /web}, index at {@code /})
     * to {@code config}.
     */
    public void register(JavalinConfig config) {
        config.http.maxRequestSize = settings.maxBodyBytes();
        config.http.prefer405over404 = true;
        // Javalin's own handler reads the page through the class loader; Jetty's would first mount the
        // whole jar as a zip file system, which costs ~0.5 s of start-up in the 140 MB server jar
        config.resourceHandler(new JavalinStaticResourceHandler());
        config.staticFiles.add("/web", Location.CLASSPATH); // the chat page at /
        config.requestLogger.http(metrics::requestCompleted);
        config.jetty.modifyHttpConfiguration(http -> http.addCustomizer(new SecurityHeaders()));
        config.jetty.modifyServer(server -> server.setErrorHandler(new JettyErrors()));

        RoutesConfig routes = config.routes;
        Authentication authentication = new Authentication(verifier, Set.of(DevTokenRoutes.PATH));
        routes.before(ctx -> {
            Correlation.assign(ctx);
            rejectOversizedBody(ctx);
        });
        routes.beforeMatched("/api/*", authentication::authenticate);
        new ConversationRoutes(useCases).register(routes);
        new MessageRoutes(useCases, settings, metrics).register(routes);
        new ChatRoutes(useCases, settings, metrics).register(routes);
        new DevTokenRoutes(devTokens).register(routes);
        new OpsRoutes(registry, new LinkedHashMap<>(readinessChecks), new LinkedHashMap<>(readinessDetails)).register(routes);
        ErrorMapping.register(routes);
    }

    /** How many SSE responses are open now (a graceful stop waits for them to end). */
    public int openStreams() {
        return metrics.openStreams();
    }

    private void rejectOversizedBody(Context ctx) {
        if (ctx.contentLength() > settings.maxBodyBytes()) {
            discardBody(ctx);
            throw ErrorMapping.tooLarge().toException();
        }
    }

    /**
     * Reads and drops a refused body (up to {@link #DISCARD_LIMIT}) so the client, still sending
     * it, gets to read the 413: Jetty closes a connection whose body was left unread, and the
     * client's next bytes then meet a reset instead of the answer.
     */
    private static void discardBody(Context ctx) {
        try {
            InputStream body = ctx.req().getInputStream();
            byte[] scratch = new byte[8192];
            long read = 0;
            int n;
            while (read < DISCARD_LIMIT && (n = body.read(scratch)) >= 0) {
                read += n;
            }
        } catch (IOException e) {
            // the client went away: nothing left to answer
        }
    }

    /** Collects what the API needs; the use cases, a token verifier (or dev tokens) and a registry are required. */
    public static final class Builder {
        private RestUseCases useCases;
        private TokenVerifier verifier;
        private Optional<DevTokens> devTokens = Optional.empty();
        private RestSettings settings = RestSettings.defaults();
        private PrometheusMeterRegistry registry;
        private final Map<String, ReadinessCheck> readinessChecks = new LinkedHashMap<>();
        private final Map<String, ReadinessDetail> readinessDetails = new LinkedHashMap<>();

        private Builder() {
        }

        public Builder useCases(RestUseCases useCases) {
            this.useCases = useCases;
            return this;
        }

        /** The verifier of bearer tokens; defaults to the dev tokens' own when only those are given. */
        public Builder tokenVerifier(TokenVerifier verifier) {
            this.verifier = verifier;
            return this;
        }

        /** Enables {@code POST /api/v1/auth/dev-token} (development only). */
        public Builder devTokens(DevTokens devTokens) {
            this.devTokens = Optional.of(devTokens);
            return this;
        }

        public Builder settings(RestSettings settings) {
            this.settings = Objects.requireNonNull(settings, "settings");
            return this;
        }

        public Builder registry(PrometheusMeterRegistry registry) {
            this.registry = registry;
            return this;
        }

        /** A dependency {@code /health/ready} checks, reported under {@code name}. */
        public Builder readinessCheck(String name, ReadinessCheck check) {
            readinessChecks.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(check, "check"));
            return this;
        }

        /** A dependency {@code /health/ready} shows under {@code name} without ever failing readiness. */
        public Builder readinessDetail(String name, ReadinessDetail detail) {
            readinessDetails.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(detail, "detail"));
            return this;
        }

        public RestApi build() {
            return new RestApi(this);
        }
    }
}
