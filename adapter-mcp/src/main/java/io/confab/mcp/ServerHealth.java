package io.confab.mcp;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One external MCP server's state, for readiness details: a server that is down never fails
 * readiness, the chat just goes on without its tools.
 */
public record ServerHealth(String server, String transport, Status status, int tools, Optional<String> error,
                           Instant since) {

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
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(error, "error");
        Objects.requireNonNull(since, "since");
    }

    public boolean healthy() {
        return status == Status.UP;
    }
}
