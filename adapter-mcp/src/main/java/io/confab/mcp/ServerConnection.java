package io.confab.mcp;

import io.confab.domain.Cancellation;
import io.confab.domain.UserId;
import io.confab.domain.json.JsonValue;
import io.confab.domain.tool.ToolDefinition;
import io.confab.domain.tool.ToolProgress;
import io.confab.domain.tool.ToolResult;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpAsyncClient;
import io.modelcontextprotocol.spec.McpClientTransport;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * The link to one external MCP server: connects, keeps its tool list current, runs calls with a
 * timeout, and on any failure marks the server down and reconnects with backoff in the background.
 * A call never throws: every way it can go wrong is a {@link ToolResult.Failure}. A connection of
 * one user's (a per-user server's) is not reconnected: its owner opens a new one for the next call.
 *
 * <p>It uses the SDK's async client, blocking only at this class's edges, because the sync client
 * hands progress notifications to another thread: they could arrive after the result. Async
 * consumers run in message order, so every progress report comes before the call returns.
 */
final class ServerConnection implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ServerConnection.class);
    private static final Duration PROCESS_END_WAIT = Duration.ofSeconds(4);
    private static final Duration MIN_STARTUP_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(5);
    private static final McpSchema.Implementation CLIENT_INFO = new McpSchema.Implementation("confab", "1.0");

    private final ServerConfig config;
    private final Backoff backoff;
    private final ScheduledExecutorService scheduler;
    private final ExecutorService workers;
    private final Clock clock;
    private final Optional<UserId> user;
    private final Map<String, ToolProgress> listeners = new ConcurrentHashMap<>();
    private final AtomicLong progressTokens = new AtomicLong();

    private final Object lock = new Object();
    private Session session;
    private int failures;
    private boolean closed;
    private volatile ServerHealth health;
    private volatile Map<String, RemoteTool> tools = Map.of();

    /**
     * A live connection, the signal that completes when it is lost, and, for a stdio server, why
     * its process ended once it has.
     */
    private record Session(McpAsyncClient client, CompletableFuture<String> lost,
                           Optional<CompletableFuture<String>> processEnd) {

        /**
         * Why the server's process ended, waiting a little for it: a call that failed because the
         * connection broke usually did so because the process is exiting, and its exit code and
         * stderr say more than the SDK's "session terminated".
         */
        Optional<String> whyProcessEnded() {
            return processEnd.flatMap(end -> {
                try {
                    return Optional.of(end.get(PROCESS_END_WAIT.toMillis(), TimeUnit.MILLISECONDS));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return Optional.empty();
                } catch (ExecutionException | TimeoutException e) {
                    return Optional.empty();
                }
            });
        }
    }

    ServerConnection(ServerConfig config, Backoff backoff, ScheduledExecutorService scheduler,
                     ExecutorService workers, Clock clock) {
        this(config, Optional.empty(), backoff, scheduler, workers, clock);
    }

    /** A connection of {@code user}'s own, when present. */
    ServerConnection(ServerConfig config, Optional<UserId> user, Backoff backoff, ScheduledExecutorService scheduler,
                     ExecutorService workers, Clock clock) {
        this.config = config;
        this.user = user;
        this.backoff = backoff;
        this.scheduler = scheduler;
        this.workers = workers;
        this.clock = clock;
        this.health = health(ServerHealth.Status.CONNECTING, Optional.empty());
    }

    String name() {
        return config.name();
    }

    /** The name, and whose connection it is, for log lines. */
    private String label() {
        return user.map(owner -> name() + " (user " + owner.value() + ")").orElse(name());
    }

    ServerHealth health() {
        return health;
    }

    /** The server's tools by exposed name; the last known ones while it is down. */
    Map<String, RemoteTool> tools() {
        return tools;
    }

    /** One connection attempt; on failure the server is marked down and retried later. */
    void connect() {
        AtomicReference<McpAsyncClient> current = new AtomicReference<>();
        McpClientTransport transport = Transports.create(config);
        McpAsyncClient client = McpClient.async(transport)
                .clientInfo(CLIENT_INFO)
                .requestTimeout(startupTimeout())
                .initializationTimeout(startupTimeout())
                .progressConsumer(notification -> Mono.fromRunnable(() -> onProgress(notification)))
                .toolsChangeConsumer(listed -> Mono.fromRunnable(() -> onToolsChanged(current.get(), listed)))
                .build();
        current.set(client);
        Session opened = new Session(client, new CompletableFuture<>(), transport instanceof ChildProcessTransport child
                ? Optional.of(child.ended()) : Optional.empty());
        try {
            Mono<Void> initialized = client.initialize().then();
            if (transport instanceof ChildProcessTransport child) {
                initialized = Mono.firstWithSignal(initialized, child.endedAsError());
            }
            initialized.block();
            List<McpSchema.Tool> listed = listTools(client);
            boolean installed;
            synchronized (lock) {
                installed = !closed;
                if (installed) {
                    session = opened;
                    failures = 0;
                    tools = index(listed);
                    health = health(ServerHealth.Status.UP, Optional.empty());
                }
            }
            if (!installed) {
                closeQuietly(client);
                return;
            }
            LOG.info("MCP server {} connected with {} tools", label(), listed.size());
            watchProcess(transport, opened);
        } catch (RuntimeException e) {
            closeQuietly(client);
            failed(opened, "cannot connect: "
                    + (isTimeout(e) ? "no answer within " + seconds(startupTimeout()) : reason(e)));
        }
    }

    ToolResult call(RemoteTool tool, JsonValue arguments, ToolProgress progress, Cancellation cancellation) {
        Session live;
        synchronized (lock) {
            live = session;
        }
        if (live == null) {
            return new ToolResult.Failure("MCP server \"" + name() + "\" is unavailable"
                    + health.error().map(error -> " (" + error + ")").orElse(""));
        }
        if (!(arguments instanceof JsonValue.Obj object)) {
            return new ToolResult.Failure("arguments must be a JSON object");
        }
        String token = name() + "-" + progressTokens.incrementAndGet();
        McpSchema.CallToolRequest request = McpSchema.CallToolRequest.builder()
                .name(tool.remoteName())
                .arguments(McpJson.toMap(object))
                .progressToken(token)
                .build();
        CompletableFuture<Void> stopped = new CompletableFuture<>();
        cancellation.onCancel(() -> stopped.complete(null));
        listeners.put(token, progress);
        try {
            CompletableFuture<McpSchema.CallToolResult> call = live.client().callTool(request).toFuture();
            try {
                return await(tool, live, call, stopped);
            } finally {
                call.cancel(true);
            }
        } finally {
            listeners.remove(token);
        }
    }

    private ToolResult await(RemoteTool tool, Session live, CompletableFuture<McpSchema.CallToolResult> call,
                             CompletableFuture<Void> stopped) {
        try {
            CompletableFuture.anyOf(call, live.lost(), stopped).get(config.timeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            return lose(live, tool, "timed out after " + seconds(config.timeout()));
        } catch (ExecutionException e) {
            // one of the three failed; which one is sorted out below
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new ToolResult.Failure("interrupted");
        }
        if (call.isDone()) {
            try {
                return CallResults.toResult(call.join(), tool.remoteName());
            } catch (CompletionException e) {
                return callFailed(live, tool, e.getCause());
            }
        }
        if (stopped.isDone()) {
            return new ToolResult.Failure("cancelled");
        }
        return failure(tool, live.lost().getNow("connection lost"));
    }

    private ToolResult callFailed(Session live, RemoteTool tool, Throwable error) {
        if (error instanceof McpError && !isTimeout(error)) {
            // the server answered with a JSON-RPC error: it is alive, only the call was bad
            return failure(tool, reason(error));
        }
        return lose(live, tool, isTimeout(error) ? "timed out after " + seconds(config.timeout())
                : live.whyProcessEnded().orElseGet(() -> reason(error)));
    }

    private ToolResult lose(Session live, RemoteTool tool, String reason) {
        failed(live, reason);
        return failure(tool, reason);
    }

    private ToolResult failure(RemoteTool tool, String reason) {
        return new ToolResult.Failure("MCP server \"" + name() + "\" failed on " + tool.remoteName() + ": " + reason);
    }

    /** Marks the server down (once per session) and schedules the next connection attempt. */
    private void failed(Session lost, String reason) {
        int attempt;
        synchronized (lock) {
            if (closed || lost.lost().isDone() || session != null && session != lost) {
                return;
            }
            session = null;
            failures++;
            attempt = failures;
            health = health(ServerHealth.Status.DOWN, Optional.of(reason));
            // last: a call waiting on this wakes up and must already see the server down
            lost.lost().complete(reason);
        }
        workers.execute(() -> closeQuietly(lost.client()));
        if (user.isPresent()) {
            LOG.warn("MCP server {} is down ({})", label(), reason);
            return;
        }
        LOG.warn("MCP server {} is down ({}); reconnecting in {} ms", name(), reason, backoff.delay(attempt).toMillis());
        scheduler.schedule(() -> workers.execute(this::connect), backoff.delay(attempt).toMillis(), TimeUnit.MILLISECONDS);
    }

    /** A stdio server that exits is noticed at once, not at the next call's timeout. */
    private void watchProcess(McpClientTransport transport, Session live) {
        if (transport instanceof ChildProcessTransport process) {
            process.ended().thenAccept(reason -> failed(live, reason));
        }
    }

    private void onProgress(McpSchema.ProgressNotification notification) {
        ToolProgress listener = listeners.get(String.valueOf(notification.progressToken()));
        if (listener == null) {
            return;
        }
        double done = notification.progress() == null ? 0 : notification.progress();
        String message = notification.message() != null && !notification.message().isBlank()
                ? notification.message()
                : notification.total() == null ? "Working…" : "%.0f of %.0f".formatted(done, notification.total());
        listener.report(message, Optional.of((long) done));
    }

    private void onToolsChanged(McpAsyncClient client, List<McpSchema.Tool> listed) {
        synchronized (lock) {
            if (session != null && session.client() == client) {
                tools = index(listed);
                health = new ServerHealth(name(), config.transport(), scopeName(), ServerHealth.Status.UP,
                        tools.size(), Optional.empty(), health.since(), OptionalInt.empty());
                LOG.info("MCP server {} now has {} tools", name(), listed.size());
            }
        }
    }

    private static List<McpSchema.Tool> listTools(McpAsyncClient client) {
        List<McpSchema.Tool> all = new ArrayList<>();
        String cursor = null;
        do {
            McpSchema.ListToolsResult page = (cursor == null ? client.listTools() : client.listTools(cursor)).block();
            all.addAll(page.tools());
            cursor = page.nextCursor();
        } while (cursor != null && !cursor.isEmpty());
        return all;
    }

    private Map<String, RemoteTool> index(List<McpSchema.Tool> listed) {
        Map<String, RemoteTool> indexed = new LinkedHashMap<>();
        for (McpSchema.Tool tool : listed) {
            RemoteTool remote = new RemoteTool(tool.name(), definition(tool));
            indexed.putIfAbsent(remote.exposedName(), remote);
        }
        return Collections.unmodifiableMap(indexed);
    }

    private ToolDefinition definition(McpSchema.Tool tool) {
        JsonValue schema = McpJson.toJson(tool.inputSchema());
        JsonValue.Obj parameters = schema instanceof JsonValue.Obj obj ? obj
                : JsonValue.object("type", JsonValue.of("object"));
        String description = tool.description() != null ? tool.description()
                : tool.title() != null ? tool.title() : "";
        String label = tool.title() != null ? tool.title() : tool.name();
        return new ToolDefinition(ToolNames.exposed(name(), tool.name()), description, parameters,
                "Running " + label + " on " + name() + "…");
    }

    private ServerHealth health(ServerHealth.Status status, Optional<String> error) {
        return new ServerHealth(name(), config.transport(), scopeName(), status, tools.size(), error, clock.instant(),
                OptionalInt.empty());
    }

    private String scopeName() {
        return config.scope() instanceof ServerConfig.Shared ? ServersFile.SHARED : ServersFile.PER_USER;
    }

    /** Starting a server (a JVM, or npx fetching a package) may take longer than one call. */
    private Duration startupTimeout() {
        return config.timeout().compareTo(MIN_STARTUP_TIMEOUT) > 0 ? config.timeout() : MIN_STARTUP_TIMEOUT;
    }

    private static String seconds(Duration duration) {
        return duration.toMillis() % 1000 == 0 ? duration.toSeconds() + " s" : duration.toMillis() + " ms";
    }

    private static boolean isTimeout(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof TimeoutException) {
                return true;
            }
        }
        return false;
    }

    private static String reason(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = error instanceof McpError || root.getMessage() == null ? error.getMessage() : root.getMessage();
        return message == null ? error.getClass().getSimpleName() : message;
    }

    private static void closeQuietly(McpAsyncClient client) {
        try {
            client.close();
        } catch (RuntimeException e) {
            LOG.debug("closing an MCP client failed", e);
        }
    }

    @Override
    public void close() {
        Session last;
        synchronized (lock) {
            closed = true;
            last = session;
            session = null;
        }
        if (last != null) {
            last.lost().complete("closed");
            try {
                last.client().closeGracefully().block(CLOSE_TIMEOUT);
            } catch (RuntimeException e) {
                LOG.debug("closing MCP server {} failed", name(), e);
            }
        }
    }
}
