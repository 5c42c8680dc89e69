package io.confab.mcp;

import io.confab.domain.Cancellation;
import io.confab.domain.UserId;
import io.confab.domain.port.ToolCatalog;
import io.confab.domain.tool.ToolDefinition;
import io.confab.domain.tool.ToolInvocation;
import io.confab.domain.tool.ToolProgress;
import io.confab.domain.tool.ToolResult;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;

/**
 * The tools of the configured external MCP servers, named {@code server__tool}. Built by
 * {@link McpClients#load}; close it on shutdown to stop the servers it started.
 */
public final class McpToolCatalog implements ToolCatalog, AutoCloseable {

    private final List<ExternalServer> servers;
    private final ScheduledExecutorService scheduler;
    private final ExecutorService workers;

    McpToolCatalog(List<ExternalServer> servers, ScheduledExecutorService scheduler, ExecutorService workers) {
        this.servers = List.copyOf(servers);
        this.scheduler = scheduler;
        this.workers = workers;
    }

    /** The same list for every user; a per-user server runs each user's calls on their own connection. */
    @Override
    public List<ToolDefinition> tools(UserId user) {
        return servers.stream()
                .flatMap(server -> server.tools().values().stream())
                .map(RemoteTool::definition)
                .toList();
    }

    @Override
    public ToolResult invoke(ToolInvocation invocation, ToolProgress progress, Cancellation cancellation) {
        for (ExternalServer server : servers) {
            RemoteTool tool = server.tools().get(invocation.tool());
            if (tool != null) {
                return server.call(invocation.user(), tool, invocation.arguments(), progress, cancellation);
            }
        }
        return new ToolResult.Failure("Unknown tool \"" + invocation.tool() + "\"");
    }

    /** One entry per configured server, for the readiness details. */
    public List<ServerHealth> health() {
        return servers.stream().map(ExternalServer::health).toList();
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
        servers.forEach(ExternalServer::close);
        workers.shutdownNow();
    }
}
