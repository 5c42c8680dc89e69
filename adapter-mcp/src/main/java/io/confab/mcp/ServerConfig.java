package io.confab.mcp;

import io.confab.domain.UserId;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One external MCP server from the servers file: how to reach it, how long a request may take, and
 * whether its users share one connection or each get their own ({@link Scope}).
 */
sealed interface ServerConfig {

    String name();

    Duration timeout();

    Scope scope();

    /** "stdio" or "http", as shown in health details. */
    String transport();

    /** How {@code user}'s own connection reaches the server (an HTTP server gets the user header). */
    ServerConfig forUser(UserId user);

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

        /** The same command: a process of its own is what keeps the user's state apart. */
        @Override
        public ServerConfig forUser(UserId user) {
            return this;
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
