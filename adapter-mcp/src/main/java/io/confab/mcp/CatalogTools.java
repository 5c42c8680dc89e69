package io.confab.mcp;

import io.confab.application.tools.OneLine;
import io.confab.domain.Cancellation;
import io.confab.domain.UserId;
import io.confab.domain.port.ToolCatalog;
import io.confab.domain.tool.ToolDefinition;
import io.confab.domain.tool.ToolInvocation;
import io.confab.domain.tool.ToolProgress;
import io.confab.domain.tool.ToolResult;
import io.modelcontextprotocol.server.McpServerFeatures;
import io.modelcontextprotocol.server.McpSyncServerExchange;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Publishes a {@link ToolCatalog}'s tools as MCP tool specifications. The user of every call comes
 * from {@code userOf} (the token of the HTTP request, or the stdio process's user), never from the
 * arguments; without one the call is refused. Each call runs with its correlation id in the logging
 * MDC: the HTTP request's from {@code correlationOf}, else the call's own id.
 */
final class CatalogTools {

    private static final Logger LOG = LoggerFactory.getLogger(CatalogTools.class);
    /** The MDC key the server's log pattern prints (as the REST adapter's requests set it). */
    private static final String MDC_CORRELATION_ID = "correlation_id";

    private CatalogTools() {
    }

    static List<McpServerFeatures.SyncToolSpecification> specifications(
            ToolCatalog catalog, List<ToolDefinition> tools, Function<McpSyncServerExchange, Optional<UserId>> userOf,
            Function<McpSyncServerExchange, Optional<String>> correlationOf) {
        return tools.stream()
                .map(tool -> McpServerFeatures.SyncToolSpecification.builder()
                        .tool(McpSchema.Tool.builder()
                                .name(tool.name())
                                .description(tool.description())
                                .inputSchema(McpJson.toMap(tool.parameters()))
                                .build())
                        .callHandler((exchange, request) -> call(catalog, userOf, correlationOf, exchange, request))
                        .build())
                .toList();
    }

    private static McpSchema.CallToolResult call(ToolCatalog catalog,
                                                 Function<McpSyncServerExchange, Optional<UserId>> userOf,
                                                 Function<McpSyncServerExchange, Optional<String>> correlationOf,
                                                 McpSyncServerExchange exchange, McpSchema.CallToolRequest request) {
        Optional<UserId> user = userOf.apply(exchange);
        if (user.isEmpty()) {
            return CallResults.fromResult(new ToolResult.Failure("not authenticated"));
        }
        Map<String, Object> arguments = request.arguments() == null ? Map.of() : request.arguments();
        ToolInvocation invocation = new ToolInvocation(user.get(), "mcp-" + UUID.randomUUID(), request.name(),
                McpJson.toJson(arguments));
        try (MDC.MDCCloseable ignored = MDC.putCloseable(MDC_CORRELATION_ID,
                correlationOf.apply(exchange).orElse(invocation.callId()))) {
            return invoke(catalog, invocation, exchange, request);
        }
    }

    private static McpSchema.CallToolResult invoke(ToolCatalog catalog, ToolInvocation invocation,
                                                   McpSyncServerExchange exchange, McpSchema.CallToolRequest request) {
        try {
            return CallResults.fromResult(
                    catalog.invoke(invocation, progress(exchange, request.progressToken()), new Cancellation()));
        } catch (RuntimeException e) {
            // the SDK would send the exception's message, which may quote SQL or name classes
            LOG.warn("MCP tool {} of user {} threw instead of failing: {}", request.name(), invocation.user().value(),
                    OneLine.of(e));
            return CallResults.fromResult(new ToolResult.Failure("Tool \"" + request.name() + "\" failed unexpectedly"));
        }
    }

    /** Forwards progress when the client asked for it (sent a progress token). */
    private static ToolProgress progress(McpSyncServerExchange exchange, Object token) {
        if (token == null) {
            return ToolProgress.IGNORE;
        }
        AtomicLong steps = new AtomicLong();
        return (message, count) -> exchange.progressNotification(new McpSchema.ProgressNotification(
                token, (double) count.orElseGet(steps::incrementAndGet), null, message));
    }
}
