package io.confab.bootstrap;

import io.confab.application.ConfabSettings;
import io.confab.application.ReplyMetadata;
import io.confab.application.memory.InMemoryEventLog;
import io.confab.domain.ConversationSettings;
import io.confab.domain.port.RetentionPolicy;
import io.confab.json.MetadataProfiles;
import io.confab.json.NetworkntSchemaValidator;
import io.confab.llm.openai.OpenAiSettings;
import io.confab.rest.CorsOrigins;
import io.confab.rest.StreamTickets;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Everything the server is configured with (SPEC §10), read once from environment variables and
 * an optional {@code ./confab.properties} (same keys; the environment wins) and validated here: a
 * bad value stops start-up with one {@link ConfigException} line naming the key.
 */
public record ConfabConfig(
        String host,
        int port,
        Path dataDir,
        Database database,
        Optional<URI> redisUrl,
        String redisKeyPrefix,
        Jwt jwt,
        Model model,
        Optional<Path> mcpServers,
        int rateLimitPerMinute,
        int historyLimit,
        Duration shutdownGrace,
        Duration ssePing,
        Duration turnLease,
        Optional<String> instanceId,
        long eventLogMaxBytes,
        RetentionPolicy retention,
        Browsers browsers,
        ReplyMetadata replyMetadata) {

    public static final String PROPERTIES_FILE = "confab.properties";
    private static final Pattern REDIS_KEY_PREFIX = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final Duration MIN_MODEL_TIMEOUT = Duration.ofMillis(100);

    /** Where the conversations are stored; H2 in {@code dataDir} unless a URL is given. */
    public record Database(String url, String user, String password, int poolSize) {
        @Override
        public String toString() {
            return "Database[url=" + url + ", user=" + user + ", password=***, poolSize=" + poolSize + "]";
        }
    }

    /** How bearer tokens are verified; {@link Key.Development} when no key is configured. */
    public record Jwt(Key key, Optional<String> issuer, Optional<String> audience) {
        /** The one kind of key configured. */
        public sealed interface Key {
            record Development() implements Key {
            }

            record Secret(String secret) implements Key {
                @Override
                public String toString() {
                    return "Secret[***]";
                }
            }

            record PublicKey(String pem) implements Key {
            }

            record JwksUrl(URI url) implements Key {
            }
        }

        public boolean isDevelopment() {
            return key instanceof Key.Development;
        }
    }

    /**
     * What browser pages on other origins may do (SPEC §13): the origins allowed by CORS (none: same
     * origin only), how long a stream ticket lasts, and the secret tickets are signed with when it
     * is not derived from the JWT secret (needed with a public key or JWKS and several instances).
     */
    public record Browsers(CorsOrigins corsOrigins, Duration ticketTtl, Optional<String> ticketSecret) {
        @Override
        public String toString() {
            return "Browsers[corsOrigins=" + corsOrigins.origins() + ", ticketTtl=" + ticketTtl
                    + ", ticketSecret=" + ticketSecret.map(secret -> "***") + "]";
        }
    }

    /**
     * Which model answers: the offline assistant or an OpenAI-compatible endpoint, and how long a call
     * to the endpoint may take: {@code timeout} in all (retries and streaming included), {@code
     * readTimeout} of silence, {@code connectTimeout} to connect; {@code maxRetries} before the first token;
     * {@code allowed}: the other models a conversation may choose (CONFAB_MODELS).
     */
    public record Model(Provider provider, Optional<URI> baseUrl, Optional<String> apiKey, String name,
                        String systemPrompt, Duration timeout, Duration connectTimeout, Duration readTimeout,
                        int maxRetries, Set<String> allowed) {
        /** The model providers Confab ships. */
        public enum Provider { OFFLINE, OPENAI }

        @Override
        public String toString() {
            return "Model[provider=" + provider + ", baseUrl=" + baseUrl + ", apiKey=" + apiKey.map(k -> "***")
                    + ", name=" + name + ", timeout=" + timeout + ", connectTimeout=" + connectTimeout
                    + ", readTimeout=" + readTimeout + ", maxRetries=" + maxRetries + ", allowed=" + allowed + "]";
        }
    }

    public ConfabConfig {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(redisUrl, "redisUrl");
        Objects.requireNonNull(redisKeyPrefix, "redisKeyPrefix");
        Objects.requireNonNull(jwt, "jwt");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(mcpServers, "mcpServers");
        Objects.requireNonNull(shutdownGrace, "shutdownGrace");
        Objects.requireNonNull(ssePing, "ssePing");
        Objects.requireNonNull(turnLease, "turnLease");
        Objects.requireNonNull(retention, "retention");
        Objects.requireNonNull(instanceId, "instanceId");
        Objects.requireNonNull(browsers, "browsers");
        Objects.requireNonNull(replyMetadata, "replyMetadata");
    }

    /** From the process environment and {@code ./confab.properties}. */
    public static ConfabConfig load() {
        return from(ConfigValues.load(Path.of(PROPERTIES_FILE), System.getenv()));
    }

    /** From explicit values only (tests, embedding); unset keys take their defaults. */
    public static ConfabConfig of(Map<String, String> values) {
        return from(new ConfigValues(values));
    }

    /**
     * The H2 file in {@code dataDir}, shareable: with {@code AUTO_SERVER} the process that opens it
     * first (the server) keeps it embedded and lets a second process ({@code confab.jar mcp}) in
     * over a loopback TCP port; without it the second process fails with "the file is locked".
     */
    static String defaultH2Url(Path dataDir) {
        return "jdbc:h2:file:" + dataDir.resolve("confab") + ";AUTO_SERVER=TRUE";
    }

    static ConfabConfig from(ConfigValues values) {
        Path dataDir = Path.of(values.string("CONFAB_DATA_DIR", "./data"));
        return new ConfabConfig(
                values.string("CONFAB_HOST", "127.0.0.1"),
                values.integer("CONFAB_PORT", 8080, 0, 65_535),
                dataDir,
                new Database(
                        values.string("CONFAB_DB_URL", defaultH2Url(dataDir)),
                        values.string("CONFAB_DB_USER", ""),
                        values.string("CONFAB_DB_PASSWORD", ""),
                        values.integer("CONFAB_DB_POOL_SIZE", 10, 1, 200)),
                values.uri("CONFAB_REDIS_URL", "redis", "rediss"),
                redisKeyPrefix(values),
                jwt(values),
                model(values),
                values.optional("CONFAB_MCP_SERVERS").map(text -> existingFile("CONFAB_MCP_SERVERS", text)),
                values.integer("CONFAB_RATE_LIMIT", 30, 1, 100_000),
                values.integer("CONFAB_HISTORY_LIMIT", ConfabSettings.DEFAULT_HISTORY_LIMIT, 1, 1_000),
                Duration.ofSeconds(values.integer("CONFAB_SHUTDOWN_GRACE_SECONDS", 10, 0, 3_600)),
                Duration.ofSeconds(values.integer("CONFAB_SSE_PING_SECONDS", 15, 1, 3_600)),
                Duration.ofSeconds(values.integer("CONFAB_TURN_LEASE_SECONDS",
                        (int) ConfabSettings.DEFAULT_TURN_LEASE.toSeconds(), 1, 3_600)),
                instanceId(values),
                values.optional("CONFAB_EVENT_LOG_MAX_MB").isPresent()
                        ? values.integer("CONFAB_EVENT_LOG_MAX_MB", 0, 1, 1 << 20) * (1L << 20)
                        : Math.min(Runtime.getRuntime().maxMemory() / 8, InMemoryEventLog.DEFAULT_MAX_BYTES),
                retention(values),
                browsers(values),
                replyMetadata(values));
    }

    /** CONFAB_RETENTION_DAYS (unset: keep) and CONFAB_DELETED_RETENTION_DAYS (30). */
    private static RetentionPolicy retention(ConfigValues values) {
        Optional<Duration> untouched = values.optional("CONFAB_RETENTION_DAYS")
                .map(ignored -> Duration.ofDays(values.integer("CONFAB_RETENTION_DAYS", 0, 1, 36_500)));
        return new RetentionPolicy(untouched, Duration.ofDays(values.integer("CONFAB_DELETED_RETENTION_DAYS",
                (int) RetentionPolicy.DEFAULT_DELETED.toDays(), 0, 36_500)));
    }

    private static Browsers browsers(ConfigValues values) {
        CorsOrigins origins;
        try {
            origins = values.optional("CONFAB_CORS_ORIGINS").map(CorsOrigins::parse).orElseGet(CorsOrigins::none);
        } catch (IllegalArgumentException e) {
            throw new ConfigException("CONFAB_CORS_ORIGINS", "has " + e.getMessage());
        }
        Optional<String> ticketSecret = values.optional("CONFAB_TICKET_SECRET");
        if (ticketSecret.isPresent() && ticketSecret.get().getBytes(StandardCharsets.UTF_8).length < 32) {
            throw new ConfigException("CONFAB_TICKET_SECRET", "must be at least 32 bytes long");
        }
        return new Browsers(origins,
                values.duration("CONFAB_TICKET_TTL", StreamTickets.DEFAULT_TTL, Duration.ofSeconds(1), Duration.ofHours(1)),
                ticketSecret);
    }

    /** The profile file named by CONFAB_REPLY_METADATA, read and checked (its fallback valid under its schema) now. */
    private static ReplyMetadata replyMetadata(ConfigValues values) {
        return values.optional("CONFAB_REPLY_METADATA")
                .map(text -> existingFile("CONFAB_REPLY_METADATA", text))
                .map(file -> {
                    try {
                        return ReplyMetadata.of(MetadataProfiles.read(Files.readString(file)), new NetworkntSchemaValidator());
                    } catch (IOException e) {
                        throw new ConfigException("CONFAB_REPLY_METADATA", "cannot read " + file + ": " + e.getMessage());
                    } catch (IllegalArgumentException e) {
                        throw new ConfigException("CONFAB_REPLY_METADATA", "not a valid metadata profile: " + e.getMessage());
                    }
                })
                .orElse(ReplyMetadata.NONE);
    }

    /** A name of at most 200 characters: it is stored with every lease this instance holds. */
    private static Optional<String> instanceId(ConfigValues values) {
        Optional<String> id = values.optional("CONFAB_INSTANCE_ID").map(String::strip);
        if (id.isPresent() && (id.get().isEmpty() || id.get().length() > 200)) {
            throw new ConfigException("CONFAB_INSTANCE_ID", "must be 1-200 characters");
        }
        return id;
    }

    /**
     * The name this instance holds turn leases under: {@code CONFAB_INSTANCE_ID}, else the host name
     * and port (stable across restarts, so a restarted instance ends its earlier run's turns at once;
     * unique among live instances, as two cannot listen on one port), else, on a random port, a
     * random name (its leases then simply expire).
     */
    public String instanceName() {
        return instanceId.orElseGet(() -> port == 0
                ? "confab-" + java.util.UUID.randomUUID()
                : Optional.ofNullable(System.getenv("HOSTNAME")).filter(name -> !name.isBlank()).orElse("localhost")
                        + ":" + port);
    }

    /** Namespaces Redis keys and channels, so several deployments (or test runs) can share one Redis. */
    private static String redisKeyPrefix(ConfigValues values) {
        String prefix = values.string("CONFAB_REDIS_KEY_PREFIX", "confab");
        if (!REDIS_KEY_PREFIX.matcher(prefix).matches()) {
            throw new ConfigException("CONFAB_REDIS_KEY_PREFIX", "must be 1-64 letters, digits, '.', '_' or '-'");
        }
        return prefix;
    }

    private static Jwt jwt(ConfigValues values) {
        Optional<String> secret = values.optional("CONFAB_JWT_SECRET");
        Optional<String> publicKey = values.optional("CONFAB_JWT_PUBLIC_KEY");
        Optional<URI> jwks = values.uri("CONFAB_JWT_JWKS_URL", "https", "http");
        long configured = List.of(secret, publicKey, jwks).stream().filter(Optional::isPresent).count();
        if (configured > 1) {
            throw new ConfigException("CONFAB_JWT_SECRET", "conflicts: set only one of CONFAB_JWT_SECRET, "
                    + "CONFAB_JWT_PUBLIC_KEY and CONFAB_JWT_JWKS_URL");
        }
        if (secret.isPresent() && secret.get().getBytes(StandardCharsets.UTF_8).length < 32) {
            throw new ConfigException("CONFAB_JWT_SECRET", "must be at least 32 bytes long");
        }
        if (publicKey.isPresent() && !publicKey.get().contains("-----BEGIN PUBLIC KEY-----")) {
            throw new ConfigException("CONFAB_JWT_PUBLIC_KEY", "must be a PEM block starting with -----BEGIN PUBLIC KEY-----");
        }
        Jwt.Key key = secret.<Jwt.Key>map(Jwt.Key.Secret::new)
                .or(() -> publicKey.map(Jwt.Key.PublicKey::new))
                .or(() -> jwks.map(Jwt.Key.JwksUrl::new))
                .orElseGet(Jwt.Key.Development::new);
        return new Jwt(key, values.optional("CONFAB_JWT_ISSUER"), values.optional("CONFAB_JWT_AUDIENCE"));
    }

    private static Model model(ConfigValues values) {
        Model.Provider provider = values.choice("CONFAB_MODEL_PROVIDER", Model.Provider.class, Model.Provider.OFFLINE);
        Optional<URI> baseUrl = values.uri("OPENAI_BASE_URL", "https", "http");
        Optional<String> apiKey = values.optional("OPENAI_API_KEY");
        if (provider == Model.Provider.OPENAI && baseUrl.isEmpty() && apiKey.isEmpty()) {
            throw new ConfigException("OPENAI_API_KEY", "is required for CONFAB_MODEL_PROVIDER=openai "
                    + "(or set OPENAI_BASE_URL to a local OpenAI-compatible server)");
        }
        return new Model(provider, baseUrl, apiKey, values.string("CONFAB_MODEL", OpenAiSettings.DEFAULT_MODEL),
                values.string("CONFAB_SYSTEM_PROMPT", ConfabSettings.DEFAULT_SYSTEM_PROMPT),
                values.duration("CONFAB_MODEL_TIMEOUT", OpenAiSettings.DEFAULT_REQUEST_TIMEOUT,
                        MIN_MODEL_TIMEOUT, Duration.ofHours(1)),
                values.duration("CONFAB_MODEL_CONNECT_TIMEOUT", OpenAiSettings.DEFAULT_CONNECT_TIMEOUT,
                        MIN_MODEL_TIMEOUT, Duration.ofMinutes(10)),
                values.duration("CONFAB_MODEL_READ_TIMEOUT", OpenAiSettings.DEFAULT_READ_TIMEOUT,
                        MIN_MODEL_TIMEOUT, Duration.ofHours(1)),
                values.integer("CONFAB_MODEL_MAX_RETRIES", OpenAiSettings.DEFAULT_MAX_RETRIES, 0, 10),
                allowedModels(values.optional("CONFAB_MODELS").orElse("")));
    }

    /** CONFAB_MODELS: comma-separated model names, blanks dropped. */
    private static Set<String> allowedModels(String list) {
        Set<String> names = new LinkedHashSet<>();
        for (String name : list.split(",")) {
            String trimmed = name.strip();
            if (trimmed.length() > ConversationSettings.MAX_MODEL_LENGTH) {
                throw new ConfigException("CONFAB_MODELS", "has a model name over "
                        + ConversationSettings.MAX_MODEL_LENGTH + " characters");
            }
            if (!trimmed.isEmpty()) {
                names.add(trimmed);
            }
        }
        return Set.copyOf(names);
    }

    private static Path existingFile(String key, String text) {
        Path path = Path.of(text);
        if (!Files.isRegularFile(path)) {
            throw new ConfigException(key, "must name an existing JSON file, got '" + text + "'");
        }
        return path;
    }

    /** A copy listening on another port (0: any free port); for tests. */
    public ConfabConfig withPort(int newPort) {
        return new ConfabConfig(host, newPort, dataDir, database, redisUrl, redisKeyPrefix, jwt, model, mcpServers,
                rateLimitPerMinute, historyLimit, shutdownGrace, ssePing, turnLease, instanceId, eventLogMaxBytes,
                retention, browsers, replyMetadata);
    }
}
