package io.confab.mcp;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/** Starts the MCP clients listed in a servers file (the {@code CONFAB_MCP_SERVERS} setting). */
public final class McpClients {

    private McpClients() {
    }

    /**
     * Reads {@code serversFile} and returns the servers' tools as one catalogue at once: every server
     * connects in the background, so none delays start-up. One that cannot be reached is marked
     * down, reported at WARN, and retried with backoff.
     *
     * @throws McpConfigException when the file is missing or wrong (one line naming file and problem)
     */
    public static McpToolCatalog load(Path serversFile) {
        return start(ServersFile.read(serversFile, System.getenv()), Clock.systemUTC());
    }

    /** Same as {@link #load(Path)}, with {@code ${NAME}} references resolved from {@code environment}. */
    public static McpToolCatalog load(Path serversFile, Map<String, String> environment) {
        return start(ServersFile.read(serversFile, environment), Clock.systemUTC());
    }

    static McpToolCatalog start(ServersFile file, Clock clock) {
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().daemon().name("mcp-reconnect").factory());
        ExecutorService workers = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("mcp-", 0).factory());
        List<ExternalServer> servers = file.servers().stream()
                .map(config -> server(config, file.backoff(), scheduler, workers, clock))
                .toList();
        servers.forEach(ExternalServer::start);
        return new McpToolCatalog(servers, scheduler, workers);
    }

    private static ExternalServer server(ServerConfig config, Backoff backoff, ScheduledExecutorService scheduler,
                                         ExecutorService workers, Clock clock) {
        return switch (config.scope()) {
            case ServerConfig.Shared shared ->
                    new SharedServer(new ServerConnection(config, backoff, scheduler, workers, clock), workers);
            case ServerConfig.PerUser perUser -> new PerUserServer(config, perUser, backoff, scheduler, workers, clock);
        };
    }
}
