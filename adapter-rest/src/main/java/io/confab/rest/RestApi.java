package io.confab.rest;

import io.confab.domain.port.EventBus;
import io.confab.domain.port.TokenVerifier;
import io.confab.rest.aisdk.AiSdkRoutes;
import io.confab.rest.chatkit.ChatKitApi;
import io.confab.rest.chatkit.StreamCounter;
import io.javalin.config.JavalinConfig;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.staticfiles.JavalinStaticResourceHandler;
import io.javalin.http.staticfiles.Location;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
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
    private final StreamTickets tickets;
    private final RestSettings settings;
    private final PrometheusMeterRegistry registry;
    private final Map<String, ReadinessCheck> readinessChecks;
    private final Map<String, ReadinessDetail> readinessDetails;
    private final HttpMetrics metrics;
    private final EventBus eventBus;

    private RestApi(Builder builder) {
        this.useCases = Objects.requireNonNull(builder.useCases, "useCases");
        this.devTokens = builder.devTokens;
        this.verifier = builder.verifier != null ? builder.verifier
                : devTokens.map(DevTokens::verifier).orElseThrow(() -> new NullPointerException("tokenVerifier"));
        this.settings = builder.settings;
        this.tickets = builder.tickets != null ? builder.tickets
                : StreamTickets.ofThisInstance(StreamTickets.DEFAULT_TTL, Clock.systemUTC());
        this.registry = Objects.requireNonNull(builder.registry, "registry");
        this.readinessChecks = Map.copyOf(builder.readinessChecks);
        this.readinessDetails = Map.copyOf(builder.readinessDetails);
        this.metrics = new HttpMetrics(registry);
        this.eventBus = Objects.requireNonNull(builder.eventBus, "eventBus");
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Adds the routes, before-handlers, error mapping (Jetty's own errors too), security headers,
     * CORS (when origins are configured), body limit, request log and the static chat page
     * (classpath {@code /web}, index at {@code /}, with its WebJars under {@code /webjars/}) to {@code config}.
     */
    public void register(JavalinConfig config) {
        config.http.maxRequestSize = settings.maxBodyBytes();
        config.http.prefer405over404 = true;
        // Javalin's own handler reads the page through the class loader; Jetty's would first mount the
        // whole jar as a zip file system, which costs ~0.5 s of start-up in the 140 MB server jar
        config.resourceHandler(new JavalinStaticResourceHandler());
        config.staticFiles.add("/web", Location.CLASSPATH); // the chat page at /
        config.staticFiles.enableWebjars(); // its Markdown libraries at /webjars/<name>/<version>/
        config.requestLogger.http(metrics::requestCompleted);
        config.jetty.modifyHttpConfiguration(http -> http.addCustomizer(new SecurityHeaders()));
        config.jetty.modifyServer(server -> server.setErrorHandler(new JettyErrors()));

        RoutesConfig routes = config.routes;
        Authentication authentication = new Authentication(verifier, tickets.verifier(), Set.of(DevTokenRoutes.PATH));
        routes.before(Correlation::assign);
        if (settings.corsOrigins().enabled()) {
            Cors cors = new Cors(settings.corsOrigins());
            config.jetty.modifyHttpConfiguration(http -> http.addCustomizer(cors));
            routes.before(cors::answerPreflight);
        }
        routes.before(this::rejectOversizedBody);
        routes.beforeMatched("/api/*", authentication::authenticate);
        routes.beforeMatched(ChatKitApi.PATH, authentication::authenticate);
        new ConversationRoutes(useCases).register(routes);
        RouteSupport support = new RouteSupport(settings, metrics);
        new MessageRoutes(useCases, settings, metrics, support).register(routes);
        new AiSdkRoutes(useCases.createConversation(), useCases.sendMessage(), useCases.listMessages(),
                useCases.retryReply(), support).register(routes);
        new ChatRoutes(useCases, settings, metrics).register(routes);
        new PortabilityRoutes(useCases).register(routes);
        new SearchRoutes(useCases).register(routes);
        new AuditRoutes(useCases).register(routes);
        new DevTokenRoutes(devTokens).register(routes);
        new ChatKitApi(useCases, Authentication::user, eventBus, settings.sseHeartbeat(), new StreamCounter() {
            @Override
            public void opened() {
                metrics.streamOpened();
            }

            @Override
            public void closed() {
                metrics.streamClosed();
            }
        }).register(routes);
        new TicketRoutes(tickets).register(routes);
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

    /** Collects what the API needs; the use cases, a token verifier (or dev tokens), a registry and an event bus are required. */
    public static final class Builder {
        private RestUseCases useCases;
        private TokenVerifier verifier;
        private Optional<DevTokens> devTokens = Optional.empty();
        private StreamTickets tickets;
        private RestSettings settings = RestSettings.defaults();
        private PrometheusMeterRegistry registry;
        private EventBus eventBus;
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

        /**
         * Issues and verifies stream tickets; defaults to a random key of this process (tickets then
         * work on this instance only).
         */
        public Builder streamTickets(StreamTickets tickets) {
            this.tickets = Objects.requireNonNull(tickets, "tickets");
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

        /** The bus a ChatKit stream hears its conversation's new title on (required). */
        public Builder eventBus(EventBus eventBus) {
            this.eventBus = eventBus;
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
