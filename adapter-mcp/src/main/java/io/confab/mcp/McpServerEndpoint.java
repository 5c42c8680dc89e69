package io.confab.mcp;

import io.confab.domain.UserId;
import io.confab.domain.port.TokenVerifier;
import io.confab.domain.port.ToolCatalog;
import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.HttpServletStreamableServerTransportProvider;
import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServlet;
import java.util.Map;
import java.util.Optional;

/**
 * Confab's tools as an MCP streamable-HTTP server: a servlet to mount at {@link #path()} (async
 * supported) behind {@link #filter()}, which authenticates every request with the JWT verifier.
 * Every call runs as the user of the request's token.
 */
public final class McpServerEndpoint implements AutoCloseable {

    /**
     * Whose listing is published. The built-in tools are the same for every user, so the list is
     * taken once; each call still runs as the token's user.
     */
    static final UserId LISTING_USER = new UserId("mcp-listing");

    private static final String USER_KEY = "confab.user";
    private static final String CORRELATION_KEY = "confab.correlation_id";

    private final DeferredServer server;
    private final McpAuthFilter filter;
    private final McpServerSettings settings;

    private McpServerEndpoint(DeferredServer server, McpAuthFilter filter, McpServerSettings settings) {
        this.server = server;
        this.filter = filter;
        this.settings = settings;
    }

    /** The endpoint; its MCP server starts with the first request that passes the filter. */
    public static McpServerEndpoint create(ToolCatalog catalog, TokenVerifier verifier, McpServerSettings settings) {
        return new McpServerEndpoint(new DeferredServer(() -> start(catalog, settings)),
                new McpAuthFilter(verifier, settings), settings);
    }

    private static DeferredServer.Running start(ToolCatalog catalog, McpServerSettings settings) {
        HttpServletStreamableServerTransportProvider transport = HttpServletStreamableServerTransportProvider.builder()
                .jsonMapper(McpJson.MAPPER)
                .mcpEndpoint(settings.path())
                .contextExtractor(request -> request.getAttribute(McpAuthFilter.USER_ATTRIBUTE) instanceof UserId user
                        && request.getAttribute(McpAuthFilter.CORRELATION_ATTRIBUTE) instanceof String correlationId
                        ? McpTransportContext.create(Map.of(USER_KEY, user, CORRELATION_KEY, correlationId))
                        : McpTransportContext.EMPTY)
                .build();
        McpSyncServer server = ServerSpecs.configure(McpServer.sync(transport))
                .tools(CatalogTools.specifications(catalog, catalog.tools(LISTING_USER),
                        exchange -> exchange.transportContext().get(USER_KEY) instanceof UserId user
                                ? Optional.of(user) : Optional.empty(),
                        exchange -> exchange.transportContext().get(CORRELATION_KEY) instanceof String correlationId
                                ? Optional.of(correlationId) : Optional.empty()))
                .build();
        return new DeferredServer.Running(transport, server);
    }

    /** The MCP transport; mount with async support at {@link #path()}. */
    public HttpServlet servlet() {
        return server;
    }

    /** Origin check, JWT authentication and session ownership; mount on the same path. */
    public Filter filter() {
        return filter;
    }

    public String path() {
        return settings.path();
    }

    @Override
    public void close() {
        server.close();
    }
}
