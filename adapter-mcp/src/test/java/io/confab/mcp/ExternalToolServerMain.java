package io.confab.mcp;

import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.StdioServerTransportProvider;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A small third-party MCP server for tests, over stdio: {@code echo}, {@code count} (reports
 * progress), {@code hang} (never answers), {@code crash} (kills its own process mid-call) and
 * {@code grow} (adds a tool and announces the changed list), and {@code remember} / {@code recall}
 * (state kept by the process, as a memory server keeps it).
 */
public final class ExternalToolServerMain {

    private static final String TEXT_SCHEMA = """
            {"type":"object","properties":{"text":{"type":"string"}},"required":["text"]}""";
    private static final String COUNT_SCHEMA = """
            {"type":"object","properties":{"to":{"type":"integer","minimum":1}},"required":["to"]}""";
    private static final String EMPTY_SCHEMA = """
            {"type":"object","properties":{}}""";

    private ExternalToolServerMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        AtomicReference<McpSyncServer> server = new AtomicReference<>();
        List<String> memory = new CopyOnWriteArrayList<>();
        StdioServerTransportProvider transport = new StdioServerTransportProvider(McpJson.MAPPER);
        server.set(McpServer.sync(transport)
                .serverInfo("external-test", "1.0")
                .jsonMapper(McpJson.MAPPER)
                .capabilities(McpSchema.ServerCapabilities.builder().tools(true).build())
                .tools(
                        tool("echo", "Echoes the text back", TEXT_SCHEMA, (exchange, request) ->
                                text("echo: " + request.arguments().get("text"))),
                        tool("count", "Counts up, reporting progress", COUNT_SCHEMA, (exchange, request) -> {
                            int to = ((Number) request.arguments().get("to")).intValue();
                            for (int i = 1; i <= to; i++) {
                                exchange.progressNotification(new McpSchema.ProgressNotification(
                                        request.progressToken(), (double) i, (double) to, "counted " + i));
                            }
                            return McpSchema.CallToolResult.builder()
                                    .structuredContent(Map.of("counted", to)).isError(false).build();
                        }),
                        tool("hang", "Never answers", EMPTY_SCHEMA, (exchange, request) -> {
                            sleepForever();
                            return text("unreachable");
                        }),
                        tool("crash", "Dies mid-call", EMPTY_SCHEMA, (exchange, request) -> {
                            exchange.progressNotification(new McpSchema.ProgressNotification(
                                    request.progressToken(), 1.0, null, "about to crash"));
                            Runtime.getRuntime().halt(3);
                            return text("unreachable");
                        }),
                        tool("remember", "Keeps the text in this process", TEXT_SCHEMA, (exchange, request) -> {
                            memory.add(String.valueOf(request.arguments().get("text")));
                            return text("remembered");
                        }),
                        tool("recall", "Everything this process was asked to remember", EMPTY_SCHEMA,
                                (exchange, request) -> text(memory.isEmpty() ? "nothing" : String.join(", ", memory))),
                        tool("grow", "Adds the tool 'late'", EMPTY_SCHEMA, (exchange, request) -> {
                            server.get().addTool(tool("late", "Added at run time", EMPTY_SCHEMA,
                                    (e, r) -> text("late tool")));
                            return text("grown");
                        }))
                .build());
        new CountDownLatch(1).await();
    }

    private static SyncToolSpecification tool(String name, String description, String schema,
            java.util.function.BiFunction<io.modelcontextprotocol.server.McpSyncServerExchange,
                    McpSchema.CallToolRequest, McpSchema.CallToolResult> handler) {
        return SyncToolSpecification.builder()
                .tool(McpSchema.Tool.builder().name(name).description(description)
                        .inputSchema(McpJson.MAPPER, schema).build())
                .callHandler(handler)
                .build();
    }

    private static McpSchema.CallToolResult text(String text) {
        return McpSchema.CallToolResult.builder().addTextContent(text).isError(false).build();
    }

    private static void sleepForever() {
        try {
            new CountDownLatch(1).await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
