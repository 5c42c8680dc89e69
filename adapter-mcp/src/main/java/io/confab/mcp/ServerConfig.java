package io.confab.mcp;

import io.confab.domain.UserId;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * One external MCP server from the servers file: how to reach it, how long a request may take, and
 * whether its users share one connection or each get their own ({@link Scope}).
 */
sealed interface ServerConfig {

    /** In a per-user stdio server's args and env: the user, in a form safe in a file name. */
    String USER_VARIABLE = "CONFAB_USER";

    String name();

    Duration timeout();

    Scope scope();

    /** "stdio" or "http", as shown in health details. */
    String transport();

    /** How {@code user}'s own connection reaches the server (an HTTP server gets the user header). */
    ServerConfig forUser(UserId user);

    /**
     * The user id with every byte outside {@code [A-Za-z0-9_-]} percent-encoded: no '/' and no "..",
     * and two ids never give the same text.
     */
    static String fileSafe(UserId user) {
        StringBuilder safe = new StringBuilder();
        for (byte b : user.value().getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if (c < 128 && (Character.isLetterOrDigit(c) || c == '_' || c == '-')) {
                safe.append(c);
            } else {
                safe.append('%').append(HexFormat.of().withUpperCase().toHexDigits(b));
            }
        }
        return safe.toString();
    }

    /** Who shares a server's connection, and so its tool state. */
    sealed interface Scope {
    }

    /** One connection for every user: the server's state is everyone's. */
    record Shared() implements Scope {
    }

    /**
     * A connection per user, opened on their first call and closed after {@code idleTimeout}
     * without one; at most {@code maxUsers} at once.
     */
    record PerUser(int maxUsers, Duration idleTimeout) implements Scope {

        static final PerUser DEFAULT = new PerUser(20, Duration.ofMinutes(5));

        public PerUser {
            if (maxUsers < 1) {
                throw new IllegalArgumentException("maxUsers must be at least 1");
            }
            if (idleTimeout.isNegative() || idleTimeout.isZero()) {
                throw new IllegalArgumentException("idleTimeout must be positive");
            }
        }
    }

    /** A server started as a child process, speaking MCP on its stdin/stdout. */
    record Stdio(String name, String command, List<String> args, Map<String, String> env,
                 Optional<Path> workingDir, Duration timeout, Scope scope) implements ServerConfig {
        public Stdio {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(command, "command");
            args = List.copyOf(args);
            env = Map.copyOf(env);
            Objects.requireNonNull(workingDir, "workingDir");
            Objects.requireNonNull(timeout, "timeout");
            Objects.requireNonNull(scope, "scope");
        }

        @Override
        public String transport() {
            return "stdio";
        }

        /**
         * The same command, with {@code ${CONFAB_USER}} in args and env replaced by the user (for a
         * server that keeps state in a file, such as a memory server's {@code MEMORY_FILE_PATH}).
         */
        @Override
        public ServerConfig forUser(UserId user) {
            String key = fileSafe(user);
            UnaryOperator<String> expand = value -> value.replace("${" + USER_VARIABLE + "}", key);
            Map<String, String> userEnv = new LinkedHashMap<>();
            env.forEach((name, value) -> userEnv.put(name, expand.apply(value)));
            return new Stdio(name, command, args.stream().map(expand).toList(), userEnv, workingDir, timeout, scope);
        }
    }

    /** A server reached over MCP streamable HTTP; {@code userHeader} carries the user of a per-user session. */
    record Http(String name, URI url, Map<String, String> headers, Optional<String> userHeader, Duration timeout,
                Scope scope) implements ServerConfig {
        public Http {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(url, "url");
            headers = Map.copyOf(headers);
            Objects.requireNonNull(userHeader, "userHeader");
            Objects.requireNonNull(timeout, "timeout");
            Objects.requireNonNull(scope, "scope");
        }

        @Override
        public String transport() {
            return "http";
        }

        @Override
        public ServerConfig forUser(UserId user) {
            Map<String, String> withUser = new LinkedHashMap<>(headers);
            userHeader.ifPresent(header -> withUser.put(header, user.value()));
            return new Http(name, url, withUser, userHeader, timeout, scope);
        }
    }
}
