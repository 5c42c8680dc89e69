package io.confab.bootstrap;

import io.confab.application.Confab;
import io.confab.application.ConfabPorts;
import io.confab.application.ConfabSettings;
import io.confab.application.memory.InMemoryEventBus;
import io.confab.application.memory.InMemoryEventLog;
import io.confab.application.memory.InMemoryRateLimiter;
import io.confab.application.memory.TimeOrderedIdGenerator;
import io.confab.application.tools.TaskTools;
import io.confab.domain.port.ChatModel;
import io.confab.domain.port.TokenVerifier;
import io.confab.llm.ChatModels;
import io.confab.llm.ModelSettings;
import io.confab.llm.openai.OpenAiSettings;
import io.confab.persistence.JooqStores;
import io.confab.persistence.StoreSettings;
import io.confab.persistence.Stores;
import io.confab.rest.DevTokens;
import io.confab.rest.JwtVerifier;
import io.confab.rest.RestApi;
import io.confab.rest.RestSettings;
import io.confab.rest.RestUseCases;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the whole server from a {@link ConfabConfig} with plain {@code new}, in one place: the
 * store, the model, the application, token verification and the HTTP API. What it builds is what
 * the adapters are handed: the WebSocket and MCP registrations take {@link #tokenVerifier()} and
 * {@link #useCases()} from here.
 */
final class Wiring implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Wiring.class);

    final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    final Stores stores;
    final ChatModel model;
    final Confab confab;
    final RestUseCases useCases;
    final TokenVerifier tokenVerifier;
    final RestApi restApi;

    Wiring(ConfabConfig config, Optional<ChatModel> modelOverride, Clock clock) {
        this.stores = JooqStores.open(new StoreSettings(config.database().url(), config.database().user(),
                config.database().password(), config.database().poolSize(), StoreSettings.DEFAULT_CONNECTION_TIMEOUT));
        try {
            this.model = modelOverride.orElseGet(() -> model(config.model()));
            this.confab = Confab.create(ports(config, model, clock), new ConfabSettings(config.model().systemPrompt(),
                    config.historyLimit(), ConfabSettings.DEFAULT_TOKEN_BUDGET, ConfabSettings.DEFAULT_MAX_TOOL_ROUNDS));
            TurnMetrics turnMetrics = new TurnMetrics(registry);
            this.useCases = new RestUseCases(confab.createConversation(), confab.listConversations(),
                    confab.getConversation(), confab.updateConversation(), confab.deleteConversation(),
                    confab.listMessages(), turnMetrics.meter(confab.sendMessage()), confab.followTurn(),
                    confab.cancelTurn(), turnMetrics.meter(confab.oneShotChat()), confab.listTasks());
            Optional<DevTokens> devTokens = config.jwt().isDevelopment()
                    ? Optional.of(DevTokens.loadOrCreate(config.dataDir(), clock)) : Optional.empty();
            this.tokenVerifier = devTokens.map(DevTokens::verifier).orElseGet(() -> verifier(config.jwt(), clock));
            RestApi.Builder api = RestApi.builder()
                    .useCases(useCases)
                    .tokenVerifier(tokenVerifier)
                    .settings(new RestSettings(RestSettings.DEFAULT_MAX_BODY_BYTES, config.ssePing()))
                    .registry(registry)
                    .readinessCheck("database", () -> {
                        if (!stores.isAvailable()) {
                            throw new IllegalStateException("the database does not answer");
                        }
                    });
            devTokens.ifPresent(api::devTokens);
            this.restApi = api.build();
            warnAbout(config);
        } catch (RuntimeException e) {
            stores.close();
            throw e;
        }
    }

    private ConfabPorts ports(ConfabConfig config, ChatModel model, Clock clock) {
        return new ConfabPorts(stores.conversations(), stores.messages(), stores.tasks(), model,
                new TaskTools(stores.tasks(), clock), new InMemoryEventBus(), new InMemoryEventLog(clock),
                InMemoryRateLimiter.perMinute(config.rateLimitPerMinute(), clock), clock, new TimeOrderedIdGenerator(clock));
    }

    private static ChatModel model(ConfabConfig.Model model) {
        return switch (model.provider()) {
            case OFFLINE -> ChatModels.offline();
            case OPENAI -> {
                try {
                    yield ChatModels.create(ModelSettings.openai(OpenAiSettings.of(
                            model.baseUrl().map(URI::toString).orElse(OpenAiSettings.DEFAULT_BASE_URL),
                            model.apiKey().orElse(""), model.name())));
                } catch (IllegalArgumentException e) {
                    throw new ConfigException("CONFAB_MODEL", "or OPENAI_* is not usable: " + e.getMessage());
                }
            }
        };
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

    private static void warnAbout(ConfabConfig config) {
        if (config.jwt().isDevelopment()) {
            LOG.warn("!!! DEVELOPMENT AUTH !!! No JWT key is configured: anyone can sign in as anyone with "
                    + "POST /api/v1/auth/dev-token. Set CONFAB_JWT_SECRET, CONFAB_JWT_PUBLIC_KEY or "
                    + "CONFAB_JWT_JWKS_URL before exposing this server.");
        }
        config.redisUrl().ifPresent(url ->
                LOG.warn("CONFAB_REDIS_URL is set but this build runs the in-process bus and event log"));
        config.mcpServers().ifPresent(path ->
                LOG.warn("CONFAB_MCP_SERVERS is set but this build does not connect MCP servers yet"));
    }

    @Override
    public void close() {
        if (model instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception e) {
                LOG.warn("closing the model client failed: {}", e.toString());
            }
        }
        stores.close();
        registry.close();
    }
}
