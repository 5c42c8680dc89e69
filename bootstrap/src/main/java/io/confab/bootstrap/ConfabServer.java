package io.confab.bootstrap;

import io.confab.domain.port.ChatModel;
import io.confab.domain.port.EventBus;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.NetworkConnector;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Confab server: everything {@link Wiring} builds, mounted on one Javalin (Jetty, virtual
 * threads) and started. {@link #stop()} is graceful: it stops accepting connections, lets running
 * turns finish for the configured grace (the rest are stored as interrupted), lets their streams
 * write the last events, closes the sockets (1001), then the HTTP server, MCP clients, Redis and
 * the connection pool.
 */
public final class ConfabServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ConfabServer.class);
    private static final Duration STREAM_DRAIN = Duration.ofSeconds(2);
    /**
     * Connections the kernel may hold for Jetty to accept (capped by {@code net.core.somaxconn}).
     * Jetty's default leaves the JDK's 50: a burst of a thousand clients overflowed it, and some
     * of their requests were dropped with the connection.
     */
    private static final int ACCEPT_QUEUE = 4096;
    /**
     * No per-connection cache of parsed request headers: Jetty's kept ~95 KB of tries on every
     * kept-alive connection (25.8 MB of {@code char[]} for ~270 idle load-client connections),
     * live data that each young collection copied, to save a few small strings per request.
     */
    private static final int HEADER_CACHE_BYTES = 0;

    private final ConfabConfig config;
    private final Wiring wiring;
    private final Javalin app;
    private boolean stopped;

    private ConfabServer(ConfabConfig config, Wiring wiring, Javalin app) {
        this.config = config;
        this.wiring = wiring;
        this.app = app;
    }

    public static ConfabServer start(ConfabConfig config) {
        return start(config, Optional.empty(), Clock.systemUTC());
    }

    /** Starts with another model than the configured one (tests script the model). */
    public static ConfabServer start(ConfabConfig config, ChatModel model) {
        return start(config, Optional.of(model), Clock.systemUTC());
    }

    private static ConfabServer start(ConfabConfig config, Optional<ChatModel> model, Clock clock) {
        Wiring wiring = new Wiring(config, model, clock);
        try {
            List<Consumer<JavalinConfig>> registrations = registrations(wiring);
            Javalin app = Javalin.create(javalin -> {
                javalin.concurrency.useVirtualThreads = true;
                javalin.startup.showJavalinBanner = false;
                javalin.startup.showOldJavalinVersionWarning = false;
                javalin.jetty.addConnector((server, http) -> connector(server, http, config));
                registrations.forEach(registration -> registration.accept(javalin));
            });
            app.start();
            LOG.info("Confab listening on http://{}:{}", config.host(), app.port());
            return new ConfabServer(config, wiring, app);
        } catch (RuntimeException e) {
            wiring.close();
            throw e;
        }
    }

    private static ServerConnector connector(Server server, HttpConfiguration http, ConfabConfig config) {
        http.setHeaderCacheSize(HEADER_CACHE_BYTES);
        ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
        connector.setHost(config.host());
        connector.setPort(config.port());
        connector.setAcceptQueueSize(ACCEPT_QUEUE);
        return connector;
    }

    /** Everything mounted on the HTTP server: the REST API, the WebSocket API and the MCP endpoint. */
    private static List<Consumer<JavalinConfig>> registrations(Wiring wiring) {
        return List.of(wiring.restApi::register, wiring.webSocket::register, wiring.mcp::mount);
    }

    public int port() {
        return app.port();
    }

    public URI uri() {
        return URI.create("http://" + config.host() + ":" + port());
    }

    /**
     * The event bus this instance publishes on (the one its turns and sockets use), for observers
     * in the same JVM: the load benchmark stamps events the moment they are published.
     */
    public EventBus eventBus() {
        return wiring.events.bus;
    }

    /** Stops gracefully; safe to call more than once. */
    public synchronized void stop() {
        if (stopped) {
            return;
        }
        stopped = true;
        LOG.info("Confab stopping: no new connections, {} running turn(s) get up to {} s",
                wiring.confab.runningTurns(), config.shutdownGrace().toSeconds());
        closeConnectors();
        if (!wiring.confab.shutdown(config.shutdownGrace())) {
            LOG.warn("some turns did not end within the grace period");
        }
        awaitStreamsWritten();
        wiring.webSocket.close();
        app.stop();
        wiring.close();
        LOG.info("Confab stopped");
    }

    /** Lets SSE responses write the last events of their turns before the connections close. */
    private void awaitStreamsWritten() {
        long deadline = System.nanoTime() + STREAM_DRAIN.toNanos();
        try {
            while (wiring.restApi.openStreams() > 0 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void closeConnectors() {
        for (Connector connector : app.jettyServer().server().getConnectors()) {
            if (connector instanceof NetworkConnector network) {
                network.close();
            }
        }
    }

    @Override
    public void close() {
        stop();
    }
}
