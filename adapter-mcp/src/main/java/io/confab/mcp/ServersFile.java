package io.confab.mcp;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.confab.json.JacksonMappers;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The parsed servers file (format in docs/mcp.md). Parsing is strict: an unknown key, a wrong type
 * or a missing variable stops start-up with one {@link McpConfigException} line.
 */
record ServersFile(List<ServerConfig> servers, Backoff backoff) {

    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);
    static final String PER_USER = "per_user";
    static final String SHARED = "shared";

    private static final int MAX_USERS = 10_000;

    private static final ObjectMapper MAPPER = JacksonMappers.create();
    private static final Pattern SERVER_NAME = Pattern.compile("[a-zA-Z0-9_-]{1,32}");
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)}");
    private static final Set<String> TOP_KEYS = Set.of("servers", "mcpServers", "reconnect");
    private static final Set<String> SCOPE_KEYS = Set.of("scope", "max_users", "idle_timeout_seconds");
    private static final Set<String> STDIO_KEYS = with(SCOPE_KEYS, "command", "args", "env", "cwd", "timeout_seconds");
    private static final Set<String> HTTP_KEYS = with(SCOPE_KEYS, "url", "headers", "user_header", "timeout_seconds");
    private static final Set<String> RECONNECT_KEYS = Set.of("min_ms", "max_ms");

    ServersFile {
        servers = List.copyOf(servers);
    }

    private static Set<String> with(Set<String> common, String... keys) {
        Set<String> all = new HashSet<>(common);
        all.addAll(List.of(keys));
        return Set.copyOf(all);
    }

    /** Reads {@code file}; {@code ${NAME}} in env and header values comes from {@code environment}. */
    static ServersFile read(Path file, Map<String, String> environment) {
        return new Reader(file, environment).read();
    }

    /** Parsing state for one file: where problems are reported and where variables come from. */
    private record Reader(Path file, Map<String, String> environment) {

        ServersFile read() {
            JsonNode root = parse();
            if (!root.isObject()) {
                throw problem("the top level must be a JSON object");
            }
            checkKeys(root, TOP_KEYS, "the top level");
            JsonNode servers = root.has("servers") ? root.get("servers") : root.get("mcpServers");
            if (servers == null || !servers.isObject()) {
                throw problem("\"servers\" must be an object of named servers");
            }
            List<ServerConfig> configs = new ArrayList<>();
            servers.properties().forEach(entry -> configs.add(server(entry.getKey(), entry.getValue())));
            return new ServersFile(configs, backoff(root.get("reconnect")));
        }

        private JsonNode parse() {
            try {
                return MAPPER.readTree(Files.readString(file));
            } catch (NoSuchFileException e) {
                throw problem("file not found");
            } catch (JsonProcessingException e) {
                String at = e.getLocation() == null ? ""
                        : "line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ": ";
                throw problem("not valid JSON (" + at + e.getOriginalMessage() + ")");
            } catch (IOException e) {
                throw new McpConfigException(file, "cannot be read (" + e.getMessage() + ")", e);
            }
        }

        private ServerConfig server(String name, JsonNode node) {
            String where = "servers." + name;
            if (!SERVER_NAME.matcher(name).matches()) {
                throw problem(where + ": the name must be 1 to 32 letters, digits, '_' or '-'");
            }
            if (!node.isObject()) {
                throw problem(where + " must be an object");
            }
            Duration timeout = timeout(node.get("timeout_seconds"), where);
            if (node.has("command") == node.has("url")) {
                throw problem(where + ": give either \"command\" (stdio) or \"url\" (streamable HTTP)");
            }
            ServerConfig.Scope scope = scope(node, where);
            if (node.has("command")) {
                checkKeys(node, STDIO_KEYS, where);
                List<String> args = strings(node.get("args"), where + ".args");
                if (scope instanceof ServerConfig.Shared
                        && args.stream().anyMatch(arg -> arg.contains("${" + ServerConfig.USER_VARIABLE + "}"))) {
                    throw problem(where + ".args uses ${" + ServerConfig.USER_VARIABLE
                            + "}, which only a per_user stdio server has");
                }
                return new ServerConfig.Stdio(name, text(node.get("command"), where + ".command"), args,
                        expand(stringMap(node.get("env"), where + ".env"), where + ".env",
                                scope instanceof ServerConfig.PerUser),
                        Optional.ofNullable(node.get("cwd")).map(cwd -> Path.of(text(cwd, where + ".cwd"))),
                        timeout, scope);
            }
            checkKeys(node, HTTP_KEYS, where);
            Optional<String> userHeader = Optional.ofNullable(node.get("user_header"))
                    .map(header -> text(header, where + ".user_header"));
            if (userHeader.isPresent() && scope instanceof ServerConfig.Shared) {
                throw problem(where + ".user_header needs \"scope\": \"per_user\" (a shared session has no one user)");
            }
            return new ServerConfig.Http(name, url(text(node.get("url"), where + ".url"), where + ".url"),
                    expand(stringMap(node.get("headers"), where + ".headers"), where + ".headers", false), userHeader,
                    timeout, scope);
        }

        /** {@code "per_user"} (the default, with its limits) or {@code "shared"}. */
        private ServerConfig.Scope scope(JsonNode node, String where) {
            String scope = node.has("scope") ? text(node.get("scope"), where + ".scope") : PER_USER;
            if (SHARED.equals(scope)) {
                if (node.has("max_users") || node.has("idle_timeout_seconds")) {
                    throw problem(where + ": max_users and idle_timeout_seconds need \"scope\": \"per_user\"");
                }
                return new ServerConfig.Shared();
            }
            if (!PER_USER.equals(scope)) {
                throw problem(where + ".scope must be \"per_user\" or \"shared\"");
            }
            ServerConfig.PerUser defaults = ServerConfig.PerUser.DEFAULT;
            long maxUsers = positive(node.get("max_users"), where + ".max_users", defaults.maxUsers());
            if (maxUsers > MAX_USERS) {
                throw problem(where + ".max_users must be at most " + MAX_USERS);
            }
            Duration idle = node.has("idle_timeout_seconds")
                    ? timeout(node.get("idle_timeout_seconds"), where + ".idle_timeout_seconds", 86_400)
                    : defaults.idleTimeout();
            return new ServerConfig.PerUser((int) maxUsers, idle);
        }

        private Backoff backoff(JsonNode node) {
            if (node == null) {
                return Backoff.DEFAULT;
            }
            if (!node.isObject()) {
                throw problem("\"reconnect\" must be an object");
            }
            checkKeys(node, RECONNECT_KEYS, "reconnect");
            long min = positive(node.get("min_ms"), "reconnect.min_ms", Backoff.DEFAULT.min().toMillis());
            long max = positive(node.get("max_ms"), "reconnect.max_ms", Math.max(min, Backoff.DEFAULT.max().toMillis()));
            if (max < min) {
                throw problem("reconnect.max_ms must not be below reconnect.min_ms");
            }
            return new Backoff(Duration.ofMillis(min), Duration.ofMillis(max));
        }

        private Duration timeout(JsonNode node, String where) {
            return node == null ? DEFAULT_TIMEOUT : timeout(node, where + ".timeout_seconds", 3600);
        }

        private Duration timeout(JsonNode node, String where, int maxSeconds) {
            if (!node.isNumber() || node.doubleValue() <= 0 || node.doubleValue() > maxSeconds) {
                throw problem(where + " must be a number above 0 and at most " + maxSeconds);
            }
            return Duration.ofMillis(Math.round(node.doubleValue() * 1000));
        }

        private long positive(JsonNode node, String where, long fallback) {
            if (node == null) {
                return fallback;
            }
            if (!node.canConvertToLong() || node.longValue() <= 0) {
                throw problem(where + " must be a positive integer");
            }
            return node.longValue();
        }

        private URI url(String text, String where) {
            try {
                URI uri = new URI(text);
                if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
                    throw problem(where + " must be an http or https URL");
                }
                return uri;
            } catch (URISyntaxException e) {
                throw problem(where + " is not a valid URL (" + e.getReason() + ")");
            }
        }

        private String text(JsonNode node, String where) {
            if (node == null || !node.isTextual() || node.asText().isBlank()) {
                throw problem(where + " must be a non-empty string");
            }
            return node.asText();
        }

        private List<String> strings(JsonNode node, String where) {
            if (node == null) {
                return List.of();
            }
            if (!node.isArray()) {
                throw problem(where + " must be an array of strings");
            }
            List<String> values = new ArrayList<>();
            for (JsonNode element : node) {
                if (!element.isTextual()) {
                    throw problem(where + " must be an array of strings");
                }
                values.add(element.asText());
            }
            return values;
        }

        private Map<String, String> stringMap(JsonNode node, String where) {
            if (node == null) {
                return Map.of();
            }
            if (!node.isObject()) {
                throw problem(where + " must be an object of strings");
            }
            Map<String, String> values = new LinkedHashMap<>();
            node.properties().forEach(entry -> {
                if (!entry.getValue().isTextual()) {
                    throw problem(where + "." + entry.getKey() + " must be a string");
                }
                values.put(entry.getKey(), entry.getValue().asText());
            });
            return values;
        }

        /**
         * Replaces {@code ${NAME}} with the environment variable, so secrets stay out of the file;
         * {@code ${CONFAB_USER}} stays for {@link ServerConfig#forUser} when {@code perUser}.
         */
        private Map<String, String> expand(Map<String, String> values, String where, boolean perUser) {
            Map<String, String> expanded = new LinkedHashMap<>();
            values.forEach((key, value) -> {
                Matcher matcher = VARIABLE.matcher(value);
                StringBuilder result = new StringBuilder();
                while (matcher.find()) {
                    if (matcher.group(1).equals(ServerConfig.USER_VARIABLE)) {
                        if (!perUser) {
                            throw problem(where + "." + key + " uses ${" + ServerConfig.USER_VARIABLE
                                    + "}, which only a per_user stdio server has");
                        }
                        matcher.appendReplacement(result, Matcher.quoteReplacement(matcher.group()));
                        continue;
                    }
                    String variable = environment.get(matcher.group(1));
                    if (variable == null) {
                        throw problem(where + "." + key + " uses ${" + matcher.group(1) + "}, which is not set");
                    }
                    matcher.appendReplacement(result, Matcher.quoteReplacement(variable));
                }
                matcher.appendTail(result);
                expanded.put(key, result.toString());
            });
            return expanded;
        }

        private void checkKeys(JsonNode node, Set<String> allowed, String where) {
            node.properties().forEach(entry -> {
                if (!allowed.contains(entry.getKey())) {
                    throw problem(where + ": unknown key \"" + entry.getKey() + "\"");
                }
            });
        }

        private McpConfigException problem(String message) {
            return new McpConfigException(file, message);
        }
    }
}
