package io.confab.mcp;

import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpClientTransport;
import java.net.URI;

/** Builds the SDK client transport a server's configuration asks for. */
final class Transports {

    private Transports() {
    }

    static McpClientTransport create(ServerConfig config) {
        return switch (config) {
            case ServerConfig.Stdio stdio -> new ChildProcessTransport(stdio);
            case ServerConfig.Http http -> http(http);
        };
    }

    private static McpClientTransport http(ServerConfig.Http config) {
        URI url = config.url();
        String path = url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath();
        String endpoint = url.getRawQuery() == null ? path : path + "?" + url.getRawQuery();
        return HttpClientStreamableHttpTransport.builder(url.getScheme() + "://" + url.getRawAuthority())
                .endpoint(endpoint)
                .connectTimeout(config.timeout())
                .httpRequestCustomizer((request, method, uri, body, context) -> config.headers().forEach(request::header))
                .build();
    }
}
