package io.confab.mcp;

import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.spec.McpSchema;

/** What Confab's MCP server says about itself, shared by the HTTP and the stdio server. */
final class ServerSpecs {

    static final String NAME = "confab";
    static final String VERSION = "1.0";

    private ServerSpecs() {
    }

    /**
     * Names the server and turns off the SDK's own argument validation: the catalogue validates
     * arguments itself and answers with messages a model can act on ({@code title: is required}).
     */
    static <S extends McpServer.SyncSpecification<S>> McpServer.SyncSpecification<S> configure(
            McpServer.SyncSpecification<S> spec) {
        return spec.serverInfo(NAME, VERSION)
                .jsonMapper(McpJson.MAPPER)
                .capabilities(McpSchema.ServerCapabilities.builder().tools(false).build())
                .validateToolInputs(false);
    }
}
