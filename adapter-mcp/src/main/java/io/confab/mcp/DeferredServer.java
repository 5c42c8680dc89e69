package io.confab.mcp;

import io.modelcontextprotocol.server.McpSyncServer;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServlet;
import java.io.IOException;
import java.util.function.Supplier;

/**
 * The MCP server behind the endpoint, started by the first request that reaches it: the SDK
 * (Reactor, JSON-schema validation) costs about half a second of start-up, which a server nobody
 * calls over MCP need not pay. As a servlet, it hands every request to the SDK's transport.
 */
final class DeferredServer extends HttpServlet {

    /** The SDK's transport servlet and the server running on it. */
    record Running(HttpServlet transport, McpSyncServer server) {
    }

    private final Supplier<Running> start;
    private volatile Running running;

    DeferredServer(Supplier<Running> start) {
        this.start = start;
    }

    @Override
    public void service(ServletRequest request, ServletResponse response) throws ServletException, IOException {
        running().transport().service(request, response);
    }

    private Running running() {
        Running current = running;
        if (current == null) {
            synchronized (this) {
                current = running;
                if (current == null) {
                    running = current = start.get();
                }
            }
        }
        return current;
    }

    @Override
    public void destroy() {
        Running current = running;
        if (current != null) {
            current.transport().destroy();
        }
    }

    /** Closes the server if a request started it. */
    void close() {
        Running current = running;
        if (current != null) {
            current.server().closeGracefully();
        }
    }
}
