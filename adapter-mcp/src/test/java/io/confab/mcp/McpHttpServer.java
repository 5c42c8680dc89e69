package io.confab.mcp;

import io.confab.domain.port.ToolCatalog;
import io.javalin.Javalin;
import jakarta.servlet.DispatcherType;
import java.net.URI;
import java.util.EnumSet;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletHolder;

/** An embedded Javalin serving the MCP endpoint the way bootstrap mounts it. */
final class McpHttpServer implements AutoCloseable {

    private final McpServerEndpoint endpoint;
    private final Javalin app;

    McpHttpServer(ToolCatalog catalog, McpServerSettings settings) {
        endpoint = McpServerEndpoint.create(catalog, new TestVerifier(), settings);
        app = Javalin.create(config -> config.jetty.modifyServletContextHandler(handler -> {
            ServletHolder servlet = new ServletHolder(endpoint.servlet());
            servlet.setAsyncSupported(true);
            handler.addServlet(servlet, endpoint.path());
            FilterHolder filter = new FilterHolder(endpoint.filter());
            filter.setAsyncSupported(true);
            handler.addFilter(filter, endpoint.path(), EnumSet.of(DispatcherType.REQUEST));
        })).start("127.0.0.1", 0);
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + app.port() + endpoint.path());
    }

    @Override
    public void close() {
        endpoint.close();
        app.stop();
    }
}
