package io.confab.mcp;

import io.confab.domain.Cancellation;
import io.confab.domain.UserId;
import io.confab.domain.json.JsonValue;
import io.confab.domain.tool.ToolProgress;
import io.confab.domain.tool.ToolResult;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A server with {@code "scope": "per_user"}: no user's tool state can reach another's. Every user
 * gets a connection of their own (a process of their own, or an HTTP session carrying the user
 * header), opened by their first call and closed after the idle timeout; at most
 * {@code maxUsers} at once, the least recently used idle one making room. A listing connection,
 * of no user's, keeps the tool list and the health current and never runs a call.
 */
final class PerUserServer implements ExternalServer {

    private static final Logger LOG = LoggerFactory.getLogger(PerUserServer.class);
    private static final Duration MAX_SWEEP = Duration.ofSeconds(30);

    private final ServerConfig config;
    private final ServerConfig.PerUser scope;
    private final ServerConnection listing;
    private final Backoff backoff;
    private final ScheduledExecutorService scheduler;
    private final ExecutorService workers;
    private final Clock clock;
    /** In access order: the first is the least recently used. */
    private final Map<UserId, Own> users = new LinkedHashMap<>(16, 0.75f, true);
    private boolean closed;

    /** One user's connection, the calls it runs now, and when it was last used. */
    private static final class Own {
        final ServerConnection connection;
        boolean opened;
        int calls;
        long lastUsed = System.nanoTime();

        Own(ServerConnection connection) {
            this.connection = connection;
        }
    }

    PerUserServer(ServerConfig config, ServerConfig.PerUser scope, Backoff backoff, ScheduledExecutorService scheduler,
                  ExecutorService workers, Clock clock) {
        this.config = config;
        this.scope = scope;
        this.backoff = backoff;
        this.scheduler = scheduler;
        this.workers = workers;
        this.clock = clock;
        this.listing = new ServerConnection(config, backoff, scheduler, workers, clock);
    }

    @Override
    public void start() {
        workers.execute(listing::connect);
        long sweep = Math.min(scope.idleTimeout().toMillis() / 2 + 1, MAX_SWEEP.toMillis());
        scheduler.scheduleWithFixedDelay(this::closeIdle, sweep, sweep, TimeUnit.MILLISECONDS);
    }

    @Override
    public ServerHealth health() {
        return listing.health().withUsers(users());
    }

    @Override
    public Map<String, RemoteTool> tools() {
        return listing.tools();
    }

    @Override
    public ToolResult call(UserId user, RemoteTool tool, JsonValue arguments, ToolProgress progress,
                           Cancellation cancellation) {
        Optional<Own> own = acquire(user);
        if (own.isEmpty()) {
            return new ToolResult.Failure("MCP server \"" + config.name() + "\" is busy: all " + scope.maxUsers()
                    + " per-user connections are in use; try again.");
        }
        ServerConnection connection = own.get().connection;
        try {
            synchronized (own.get()) {
                if (!own.get().opened) {
                    own.get().opened = true;
                    connection.connect();
                }
            }
            return connection.call(tool, arguments, progress, cancellation);
        } finally {
            release(user, own.get());
        }
    }

    private synchronized Optional<Own> acquire(UserId user) {
        if (closed) {
            return Optional.empty();
        }
        Own own = users.get(user);
        if (own == null) {
            if (users.size() >= scope.maxUsers() && !evictIdle()) {
                return Optional.empty();
            }
            own = new Own(new ServerConnection(config.forUser(user), Optional.of(user), backoff, scheduler, workers,
                    clock));
            users.put(user, own);
        }
        own.calls++;
        return Optional.of(own);
    }

    /** A connection that failed is dropped at once; the user's next call opens a new one. */
    private void release(UserId user, Own own) {
        boolean dropped;
        synchronized (this) {
            own.calls--;
            own.lastUsed = System.nanoTime();
            dropped = own.calls == 0 && !own.connection.health().healthy() && users.remove(user, own);
        }
        if (dropped) {
            workers.execute(own.connection::close);
        }
    }

    /** Closes the least recently used connection that runs no call; false when every one is busy. */
    private boolean evictIdle() {
        Iterator<Map.Entry<UserId, Own>> entries = users.entrySet().iterator();
        while (entries.hasNext()) {
            Map.Entry<UserId, Own> entry = entries.next();
            if (entry.getValue().calls == 0) {
                entries.remove();
                LOG.info("MCP server {}: closing the connection of user {} to make room ({} users at most)",
                        config.name(), entry.getKey().value(), scope.maxUsers());
                workers.execute(entry.getValue().connection::close);
                return true;
            }
        }
        return false;
    }

    private void closeIdle() {
        long cutoff = System.nanoTime() - scope.idleTimeout().toNanos();
        List<Map.Entry<UserId, Own>> idle = new ArrayList<>();
        synchronized (this) {
            users.entrySet().removeIf(entry -> {
                boolean isIdle = entry.getValue().calls == 0 && entry.getValue().lastUsed - cutoff < 0;
                if (isIdle) {
                    idle.add(entry);
                }
                return isIdle;
            });
        }
        idle.forEach(entry -> {
            LOG.info("MCP server {}: closing the idle connection of user {}", config.name(), entry.getKey().value());
            workers.execute(entry.getValue().connection::close);
        });
    }

    private synchronized int users() {
        return users.size();
    }

    @Override
    public void close() {
        List<Own> open;
        synchronized (this) {
            closed = true;
            open = List.copyOf(users.values());
            users.clear();
        }
        listing.close();
        open.forEach(own -> own.connection.close());
    }
}
