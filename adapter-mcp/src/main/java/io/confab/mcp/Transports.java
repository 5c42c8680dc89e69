package io.confab.mcp;

import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.client.transport.ServerParameters;
import io.modelcontextprotocol.client.transport.StdioClientTransport;
import io.modelcontextprotocol.spec.McpClientTransport;
import io.modelcontextprotocol.spec.McpSchema;
import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

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

        private final String command;
        private final Optional<Path> workingDir;
        private final CompletableFuture<Void> failedToStart = new CompletableFuture<>();

        ChildProcess(ServerConfig.Stdio config) {
            super(ServerParameters.builder(config.command()).args(config.args()).env(config.env()).build(),
                    McpJson.MAPPER);
            this.command = config.command();
            this.workingDir = config.workingDir();
            setStdErrorHandler(line -> LOG.debug("[mcp {}] {}", config.name(), line));
        }

        /** The SDK only logs a process that cannot start; this lets the connection fail at once. */
        @Override
        public Mono<Void> connect(Function<Mono<McpSchema.JSONRPCMessage>, Mono<McpSchema.JSONRPCMessage>> handler) {
            return super.connect(handler).doOnError(error -> failedToStart.completeExceptionally(
                    new IllegalStateException("cannot start " + command + " (" + rootMessage(error) + ")")));
        }

        /** Errors when the process cannot be started; never completes otherwise. */
        Mono<Void> startFailure() {
            return Mono.fromFuture(failedToStart);
        }

        private static String rootMessage(Throwable error) {
            Throwable root = error;
            while (root.getCause() != null) {
                root = root.getCause();
            }
            return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        }

        @Override
        protected ProcessBuilder getProcessBuilder() {
            ProcessBuilder builder = new ProcessBuilder();
            workingDir.ifPresent(dir -> builder.directory(dir.toFile()));
            return builder;
        }
    }
}
