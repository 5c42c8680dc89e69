package io.confab.bootstrap;

import io.confab.application.Confab;
import io.confab.application.ConfabPorts;
import io.confab.application.ConfabSettings;
import io.confab.application.Stores;
import io.confab.application.tools.TaskTools;
import io.confab.application.tools.ToolCallRecorder;
import io.confab.domain.TimeOrderedIdGenerator;
import io.confab.domain.port.ChatModel;
import io.confab.domain.port.IdGenerator;
import io.confab.domain.port.TokenVerifier;
import io.confab.domain.port.ToolCatalog;
import io.confab.llm.ChatModels;
import io.confab.llm.ModelSettings;
import io.confab.llm.openai.OpenAiSettings;
import io.confab.persistence.JooqStores;
import io.confab.persistence.StoreSettings;
import io.confab.rest.DevTokens;
import io.confab.rest.JwtVerifier;
import io.confab.rest.RestApi;
import io.confab.rest.RestSettings;
import io.confab.rest.RestUseCases;
import io.confab.rest.StreamTickets;
import io.confab.websocket.WebSocketApi;
import io.confab.websocket.WebSocketSettings;
import io.confab.websocket.WebSocketUseCases;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the whole server from a {@link ConfabConfig} with plain {@code new}, in one place: the
 * store, the model, the event ports (Redis or in process), MCP, the application, token
 * verification, the HTTP API and the WebSocket API. {@link ConfabServer} mounts what it builds.
 */
final class Wiring implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Wiring.class);

    private final Deque<AutoCloseable> built = new ArrayDeque<>();
    final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    final Stores stores;
    final ChatModel model;
    final EventPorts events;
    final McpWiring mcp;
    final Confab confab;
    final RestUseCases useCases;
    final TokenVerifier tokenVerifier;
    final StreamTickets tickets;
    final RestApi restApi;
    final WebSocketApi webSocket;

    Wiring(ConfabConfig config, Optional<ChatModel> modelOverride, Clock clock) {
        // the database opens and migrates on its own thread while the rest is built (faster start-up)
        CompletableFuture<Stores> opening = CompletableFuture.supplyAsync(() -> openStores(config),
                task -> Thread.ofPlatform().name("confab-open-database").start(task));
        Optional<DevTokens> devTokens;
        Optional<ModelSettings> modelSettings;
        try {
            modelSettings = modelOverride.isPresent() ? Optional.empty() : Optional.of(modelSettings(config.model()));
            devTokens = config.jwt().isDevelopment()
                    ? Optional.of(DevTokens.loadOrCreate(config.dataDir(), clock)) : Optional.empty();
            this.tokenVerifier = devTokens.map(DevTokens::verifier).orElseGet(() -> verifier(config.jwt(), clock));
            this.tickets = streamTickets(config, devTokens, clock);
            this.events = closeLater(EventPorts.from(config, clock));
        } catch (RuntimeException e) {
            opening.thenAccept(Stores::close);
            close();
            throw e;
        }
        try {
            this.stores = closeLater(opened(opening));
            // built once the database is open: openai-java's warm-up (Jackson, Kotlin reflection, about
            // a second of CPU) would otherwise compete with the migration for the machine's cores
            this.model = closeLater(modelOverride.orElseGet(() -> model(modelSettings.orElseThrow())));
            TaskTools taskTools = new TaskTools(stores.tasks(), clock);
            IdGenerator ids = new TimeOrderedIdGenerator(clock);
            this.mcp = closeLater(new McpWiring(config, taskTools, new ToolCallRecorder(stores.toolCalls(), clock, ids),
                    tokenVerifier));
            this.confab = Confab.create(ports(model, mcp.agentTools(taskTools), clock, ids), new ConfabSettings(
                    config.model().systemPrompt(), config.historyLimit(), ConfabSettings.DEFAULT_TOKEN_BUDGET,
                    ConfabSettings.DEFAULT_MAX_TOOL_ROUNDS, config.turnLease(), config.instanceName(),
                    config.model().allowed(), config.retention(), config.replyMetadata()),
                    new MdcTurnContext());
            TurnMetrics turnMetrics = new TurnMetrics(registry);
            this.useCases = RestUseCases.of(confab).withTurns(turnMetrics.meter(confab.sendMessage()),
                    turnMetrics.meter(confab.retryReply()), turnMetrics.meter(confab.oneShotChat()));
            this.restApi = restApi(config, devTokens);
            this.webSocket = closeLater(new WebSocketApi(new WebSocketUseCases(useCases.sendMessage(),
                    useCases.createConversation(), useCases.getConversation(), useCases.cancelTurn(),
                    useCases.followTurn(), useCases.retryReply()), tokenVerifier, tickets.verifier(), events.bus, clock,
                    WebSocketSettings.defaults()));
            registry.gauge("confab.websocket.connections.open", webSocket, WebSocketApi::openConnections);
            FunctionCounter.builder("confab.redis.dropped.publications", events, EventPorts::droppedPublications)
                    .description("events not carried to other instances (Redis down or too slow)")
                    .register(registry);
            warnAbout(config);
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    private RestApi restApi(ConfabConfig config, Optional<DevTokens> devTokens) {
        RestApi.Builder api = RestApi.builder()
                .useCases(useCases)
                .tokenVerifier(tokenVerifier)
                .streamTickets(tickets)
                .settings(new RestSettings(RestSettings.DEFAULT_MAX_BODY_BYTES, config.ssePing(),
                        config.browsers().corsOrigins()))
                .registry(registry)
                .eventBus(events.bus)
                .readinessCheck("database", () -> {
                    if (!stores.isAvailable()) {
                        throw new IllegalStateException("the database does not answer");
                    }
                });
        if (events.onRedis()) {
            api.readinessDetail("redis", events::redisReadiness);
        }
        if (mcp.hasExternalServers()) {
            api.readinessDetail("mcp", mcp::readiness);
        }
        devTokens.ifPresent(api::devTokens);
        return api.build();
    }

    /** The store alone, opened and migrated (for {@code confab.jar mcp}). */
    static Stores openStores(ConfabConfig config) {
        return JooqStores.open(storeSettings(config));
    }

    private static StoreSettings storeSettings(ConfabConfig config) {
        ConfabConfig.Database database = config.database();
        return new StoreSettings(database.url(), database.user(), database.password(), database.poolSize(),
                StoreSettings.DEFAULT_CONNECTION_TIMEOUT);
    }

    private static Stores opened(CompletableFuture<Stores> opening) {
        try {
            return opening.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    private ConfabPorts ports(ChatModel model, ToolCatalog tools, Clock clock, IdGenerator ids) {
        return new ConfabPorts(stores.conversations(), stores.messages(), stores.tasks(), model, tools,
                events.bus, events.log, stores.leases(), events.rateLimiter, clock, ids, Optional.of(stores.toolCalls()));
    }

    /** The model's settings, checked: a configuration error stops start-up before the database is waited for. */
    private static ModelSettings modelSettings(ConfabConfig.Model model) {
        return switch (model.provider()) {
            case OFFLINE -> ModelSettings.offline();
            case OPENAI -> {
                try {
                    yield ModelSettings.openai(OpenAiSettings.of(
                                    model.baseUrl().map(URI::toString).orElse(OpenAiSettings.DEFAULT_BASE_URL),
                                    model.apiKey().orElse(""), model.name())
                            .withTimeouts(model.timeout(), model.connectTimeout(), model.readTimeout())
                            .withMaxRetries(model.maxRetries()));
                } catch (IllegalArgumentException e) {
                    throw modelNotUsable(e);
                }
            }
        };
    }

    private static ChatModel model(ModelSettings settings) {
        try {
            return ChatModels.create(settings);
        } catch (IllegalArgumentException e) {
            throw modelNotUsable(e);
        }
    }

    private static ConfigException modelNotUsable(IllegalArgumentException e) {
        return new ConfigException("CONFAB_MODEL", "or OPENAI_* is not usable: " + e.getMessage());
    }

    private static TokenVerifier verifier(ConfabConfig.Jwt jwt, Clock clock) {
        JwtVerifier.Expectations expectations = new JwtVerifier.Expectations(jwt.issuer(), jwt.audience(), clock);
        return switch (jwt.key()) {
            case ConfabConfig.Jwt.Key.Secret secret -> JwtVerifier.hmac(secret.secret(), expectations);
            case ConfabConfig.Jwt.Key.PublicKey key -> {
                try {
                    yield JwtVerifier.publicKey(key.pem(), expectations);
                } catch (IllegalArgumentException e) {
                    throw new ConfigException("CONFAB_JWT_PUBLIC_KEY", "is not usable: " + e.getMessage());
                }
            }
            case ConfabConfig.Jwt.Key.JwksUrl url -> JwtVerifier.jwks(url.url(),
                    HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build(), expectations);
            case ConfabConfig.Jwt.Key.Development ignored -> throw new IllegalStateException("dev tokens verify themselves");
        };
    }

    /**
     * Stream tickets signed with {@code CONFAB_TICKET_SECRET}, else with a key derived from the JWT
     * secret (or the development secret), so every instance accepts every instance's tickets; with
     * a public key or JWKS and no ticket secret, with a key of this instance (warned about).
     */
    private static StreamTickets streamTickets(ConfabConfig config, Optional<DevTokens> devTokens, Clock clock) {
        Duration ttl = config.browsers().ticketTtl();
        return config.browsers().ticketSecret().map(secret -> StreamTickets.derivedFrom(secret, ttl, clock))
                .or(() -> devTokens.map(tokens -> tokens.streamTickets(ttl)))
                .orElseGet(() -> switch (config.jwt().key()) {
                    case ConfabConfig.Jwt.Key.Secret secret -> StreamTickets.derivedFrom(secret.secret(), ttl, clock);
                    default -> {
                        LOG.warn("Stream tickets are signed with a key of this instance only: when more than one "
                                + "instance serves the API, set CONFAB_TICKET_SECRET (the same on all of them).");
                        yield StreamTickets.ofThisInstance(ttl, clock);
                    }
                });
    }

    private static void warnAbout(ConfabConfig config) {
        if (config.jwt().isDevelopment()) {
            LOG.warn("!!! DEVELOPMENT AUTH !!! No JWT key is configured: anyone can sign in as anyone with "
                    + "POST /api/v1/auth/dev-token. Set CONFAB_JWT_SECRET, CONFAB_JWT_PUBLIC_KEY or "
                    + "CONFAB_JWT_JWKS_URL before exposing this server.");
        }
    }

    /** Closes everything built, newest first (the HTTP server is stopped before this). */
    @Override
    public void close() {
        for (AutoCloseable resource = built.pollFirst(); resource != null; resource = built.pollFirst()) {
            try {
                resource.close();
            } catch (Exception e) {
                LOG.warn("closing {} failed: {}", resource.getClass().getSimpleName(), e.toString());
            }
        }
        registry.close();
    }

    /** Remembers {@code resource} for {@link #close()} when it holds anything. */
    private <T> T closeLater(T resource) {
        if (resource instanceof AutoCloseable closeable) {
            built.addFirst(closeable);
        }
        return resource;
    }
}
