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

    private final List<ServerConnection> connections;
    private final ScheduledExecutorService scheduler;
    private final ExecutorService workers;

    McpToolCatalog(List<ServerConnection> connections, ScheduledExecutorService scheduler, ExecutorService workers) {
        this.connections = List.copyOf(connections);
        this.scheduler = scheduler;
        this.workers = workers;
    }

    /** External tools are shared by every user: they never see who asks. */
    @Override
    public List<ToolDefinition> tools(UserId user) {
        return connections.stream()
                .flatMap(connection -> connection.tools().values().stream())
                .map(RemoteTool::definition)
                .toList();
    }

    @Override
    public ToolResult invoke(ToolInvocation invocation, ToolProgress progress, Cancellation cancellation) {
        for (ServerConnection connection : connections) {
            RemoteTool tool = connection.tools().get(invocation.tool());
            if (tool != null) {
                return connection.call(tool, invocation.arguments(), progress, cancellation);
            }
        }
        return new ToolResult.Failure("Unknown tool \"" + invocation.tool() + "\"");
    }

    /** One entry per configured server, for the readiness details. */
    public List<ServerHealth> health() {
        return connections.stream().map(ServerConnection::health).toList();
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
        connections.forEach(ServerConnection::close);
        workers.shutdownNow();
    }
}
