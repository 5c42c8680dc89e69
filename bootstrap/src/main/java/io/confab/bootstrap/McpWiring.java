package io.confab.bootstrap;

import io.confab.application.tools.CompositeToolCatalog;
import io.confab.application.tools.ToolCallRecorder;
import io.confab.domain.audit.ToolCallSource;
import io.confab.domain.port.TokenVerifier;
import io.confab.domain.port.ToolCatalog;
import io.confab.mcp.McpClients;
import io.confab.mcp.McpServerEndpoint;
import io.confab.mcp.McpServerSettings;
import io.confab.mcp.McpToolCatalog;
import io.confab.mcp.ServerHealth;
import io.javalin.config.JavalinConfig;
import jakarta.servlet.DispatcherType;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletHolder;

/**
 * MCP both ways: the tools of the external servers named by {@code CONFAB_MCP_SERVERS} join the
 * agent's catalogue, and the built-in task tools are served at {@code /mcp} (JWT, per-user), every
 * call recorded in the tool-call audit as {@code mcp_http}.
 */
final class McpWiring implements AutoCloseable {

    private final Optional<McpToolCatalog> external;
    private final McpServerEndpoint endpoint;

    /** @throws io.confab.mcp.McpConfigException when the servers file is wrong (one line naming it) */
    McpWiring(ConfabConfig config, ToolCatalog taskTools, ToolCallRecorder recorder, TokenVerifier verifier) {
        this.external = config.mcpServers().map(McpClients::load);
        try {
            this.endpoint = McpServerEndpoint.create(recorder.recording(taskTools, ToolCallSource.MCP_HTTP), verifier,
                    McpServerSettings.defaults());
        } catch (RuntimeException e) {
            external.ifPresent(McpToolCatalog::close);
            throw e;
        }
    }

    /** What the agent may call: the task tools, then the external servers' (prefixed) tools. */
    ToolCatalog agentTools(ToolCatalog taskTools) {
        return external.<ToolCatalog>map(tools -> new CompositeToolCatalog(List.of(taskTools, tools))).orElse(taskTools);
    }

    /** Mounts {@code /mcp}: the transport servlet behind the authentication filter, both async. */
    void mount(JavalinConfig config) {
        config.jetty.modifyServletContextHandler(handler -> {
            ServletHolder servlet = new ServletHolder(endpoint.servlet());
            servlet.setAsyncSupported(true);
            handler.addServlet(servlet, endpoint.path());
            FilterHolder filter = new FilterHolder(endpoint.filter());
            filter.setAsyncSupported(true);
            handler.addFilter(filter, endpoint.path(), EnumSet.of(DispatcherType.REQUEST));
        });
    }

    boolean hasExternalServers() {
        return external.isPresent();
    }

    /**
     * Readiness detail of the external servers, one entry each; {@code degraded} when any is not
     * up. Never fails readiness: the chat goes on without a server's tools while it reconnects.
     */
    Map<String, Object> readiness() {
        List<ServerHealth> servers = external.map(McpToolCatalog::health).orElse(List.of());
        Map<String, Object> byName = new LinkedHashMap<>();
        servers.forEach(server -> byName.put(server.server(), describe(server)));
        return Map.of("status", servers.stream().allMatch(ServerHealth::healthy) ? "up" : "degraded",
                "servers", byName);
    }

    private static Map<String, Object> describe(ServerHealth server) {
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("status", server.status().name().toLowerCase(Locale.ROOT));
        detail.put("transport", server.transport());
        detail.put("scope", server.scope());
        server.users().ifPresent(users -> detail.put("users", users));
        detail.put("tools", server.tools());
        server.error().ifPresent(error -> detail.put("error", error));
        detail.put("since", server.since().toString());
        return detail;
    }

    @Override
    public void close() {
        endpoint.close();
        external.ifPresent(McpToolCatalog::close);
    }
}
