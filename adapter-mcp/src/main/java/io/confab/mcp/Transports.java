package io.confab.mcp;

import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.client.transport.ServerParameters;
import io.modelcontextprotocol.client.transport.StdioClientTransport;
import io.modelcontextprotocol.spec.McpClientTransport;
import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Builds the SDK client transport a server's configuration asks for. */
final class Transports {

    private static final Logger LOG = LoggerFactory.getLogger(Transports.class);

    private Transports() {
    }

    static McpClientTransport create(ServerConfig config) {
        return switch (config) {
            case ServerConfig.Stdio stdio -> new ChildProcess(stdio);
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

    /** The stdio transport, plus the working directory and a log for the child's stderr. */
    static final class ChildProcess extends StdioClientTransport {

        private final Optional<Path> workingDir;

        ChildProcess(ServerConfig.Stdio config) {
            super(ServerParameters.builder(config.command()).args(config.args()).env(config.env()).build(),
                    McpJson.MAPPER);
            this.workingDir = config.workingDir();
            setStdErrorHandler(line -> LOG.debug("[mcp {}] {}", config.name(), line));
        }

        @Override
        protected ProcessBuilder getProcessBuilder() {
            ProcessBuilder builder = new ProcessBuilder();
            workingDir.ifPresent(dir -> builder.directory(dir.toFile()));
            return builder;
        }
    }
}
