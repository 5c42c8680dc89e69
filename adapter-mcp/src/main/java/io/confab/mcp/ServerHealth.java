package io.confab.mcp;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One external MCP server's state, for readiness details: a server that is down never fails
 * readiness, the chat just goes on without its tools. {@code scope} is "per_user" or "shared";
 * {@code users}, for a per-user server, is how many users have a connection of their own now.
 */
public record ServerHealth(String server, String transport, String scope, Status status, int tools,
                           Optional<String> error, Instant since, OptionalInt users) {

    /** Where a server stands. */
    public enum Status {
        /** Not connected yet (start-up). */
        CONNECTING,
        /** Connected; its tools are in the catalogue. */
        UP,
        /** Failed, timed out or died; being reconnected with backoff. */
        DOWN
    }

    public ServerHealth {
        Objects.requireNonNull(server, "server");
        Objects.requireNonNull(transport, "transport");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(error, "error");
        Objects.requireNonNull(since, "since");
        Objects.requireNonNull(users, "users");
    }

    ServerHealth withUsers(int count) {
        return new ServerHealth(server, transport, scope, status, tools, error, since, OptionalInt.of(count));
    }

    public boolean healthy() {
        return status == Status.UP;
    }
}
