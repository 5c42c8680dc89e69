package io.confab.websocket;

import io.confab.domain.ErrorCode;
import io.confab.domain.UserId;
import io.confab.domain.port.EventBus;
import io.confab.domain.port.TokenVerifier;
import io.javalin.config.JavalinConfig;
import io.javalin.websocket.WsBinaryMessageContext;
import io.javalin.websocket.WsCloseContext;
import io.javalin.websocket.WsConnectContext;
import io.javalin.websocket.WsContext;
import io.javalin.websocket.WsErrorContext;
import io.javalin.websocket.WsMessageContext;
import jakarta.servlet.DispatcherType;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The WebSocket API (SPEC §7) at {@code /ws/chat} and {@code /ws/{user_id}/chat}: authenticates
 * before the upgrade, speaks the JSON protocol, streams events of subscribed conversations and the
 * user's notifications, pings every socket and closes sockets whose token expired. Register it
 * on the server's Javalin config; close it on shutdown.
 */
public final class WebSocketApi implements AutoCloseable {

    static final String[] PATHS = {"/ws/chat", "/ws/{user_id}/chat"};

    private final EventBus bus;
    private final Clock clock;
    private final WebSocketSettings settings;
    private final Handshake handshake;
    private final ProtocolRouter router;
    private final ScheduledThreadPoolExecutor scheduler;
    private final Map<String, ClientConnection> connections = new ConcurrentHashMap<>();

    /**
     * {@code verifier} checks bearer tokens ({@code ?token=}, {@code Authorization}); {@code tickets}
     * checks stream tickets ({@code ?ticket=}), whose expiry is that of the token they were issued for.
     */
    public WebSocketApi(WebSocketUseCases useCases, TokenVerifier verifier, TokenVerifier tickets, EventBus bus,
                        Clock clock, WebSocketSettings settings) {
        this.bus = bus;
        this.clock = clock;
        this.settings = settings;
        this.handshake = new Handshake(verifier, tickets, clock);
        this.router = new ProtocolRouter(useCases, bus, clock);
        this.scheduler = new ScheduledThreadPoolExecutor(1, Thread.ofPlatform().daemon().name("confab-ws-heartbeat").factory());
        this.scheduler.setRemoveOnCancelPolicy(true);
        long interval = settings.heartbeatInterval().toMillis();
        this.scheduler.scheduleAtFixedRate(this::heartbeat, interval, interval, TimeUnit.MILLISECONDS);
    }

    /** Adds the endpoints to a Javalin configuration (before {@code Javalin.create} returns). */
    public void register(JavalinConfig config) {
        config.jetty.modifyWebSocketServletFactory(factory -> {
            factory.setMaxTextMessageSize(WebSocketSettings.TRANSPORT_FRAME_LIMIT);
            factory.setMaxBinaryMessageSize(WebSocketSettings.TRANSPORT_FRAME_LIMIT);
            factory.setIdleTimeout(settings.idleTimeout());
        });
        config.jetty.modifyServletContextHandler(context ->
                context.addFilter(new SessionlessUpgrades(), "/ws/*", EnumSet.of(DispatcherType.REQUEST)));
        for (String path : PATHS) {
            config.routes.wsBeforeUpgrade(path, handshake::check);
            config.routes.ws(path, ws -> {
                ws.onConnect(this::onConnect);
                ws.onMessage(this::onMessage);
                ws.onBinaryMessage(this::onBinaryMessage);
                ws.onClose(this::onClose);
                ws.onError(this::onError);
            });
        }
    }

    /** Sockets open on this instance. */
    public int openConnections() {
        return connections.size();
    }

    /** Closes every socket with 1001 (going away) and stops the heartbeat. */
    @Override
    public void close() {
        connections.values().forEach(c -> c.close(ClientConnection.GOING_AWAY, "server shutting down"));
        connections.clear();
        scheduler.shutdownNow();
    }

    private void onConnect(WsConnectContext ctx) {
        UserId user = Handshake.user(ctx);
        ClientConnection connection = new ClientConnection(UUID.randomUUID().toString(), user, ctx.session,
                settings, scheduler);
        connections.put(ctx.sessionId(), connection);
        connection.open(bus, ServerFrames.connectionEstablished(user, connection.id()));
        connection.closeAfter(Duration.between(clock.instant(), Handshake.expiresAt(ctx)));
    }

    private void onMessage(WsMessageContext ctx) {
        ClientConnection connection = connections.get(ctx.sessionId());
        if (connection == null) {
            return;
        }
        String text = ctx.message();
        if (utf8Length(text) > settings.maxFrameBytes()) {
            refuseTooLarge(connection);
            return;
        }
        switch (ClientRequestParser.parse(text)) {
            case ClientRequestParser.Parsed.Ok ok -> router.handle(connection, ok.request());
            case ClientRequestParser.Parsed.Rejected rejected ->
                    connection.send(ServerFrames.error(rejected.requestId(), rejected.code(), rejected.message()));
        }
    }

    /** The protocol is JSON text: a binary frame is answered, never dropped silently. */
    private void onBinaryMessage(WsBinaryMessageContext ctx) {
        ClientConnection connection = connections.get(ctx.sessionId());
        if (connection == null) {
            return;
        }
        if (ctx.data().remaining() > settings.maxFrameBytes()) {
            refuseTooLarge(connection);
            return;
        }
        connection.send(ServerFrames.error(Optional.empty(), ErrorCode.UNSUPPORTED_FRAME,
                "binary frames are not supported; send JSON as text frames"));
    }

    private void refuseTooLarge(ClientConnection connection) {
        connection.send(ServerFrames.error(Optional.empty(), ErrorCode.FRAME_TOO_LARGE,
                "frames are limited to " + settings.maxFrameBytes() + " bytes"));
    }

    private void onClose(WsCloseContext ctx) {
        forget(ctx);
    }

    private void onError(WsErrorContext ctx) {
        forget(ctx);
    }

    private void forget(WsContext ctx) {
        ClientConnection connection = connections.remove(ctx.sessionId());
        if (connection != null) {
            connection.release();
        }
    }

    private void heartbeat() {
        connections.values().forEach(ClientConnection::ping);
    }

    private int utf8Length(String text) {
        return text.length() * 3 <= settings.maxFrameBytes() ? text.length()
                : text.getBytes(StandardCharsets.UTF_8).length;
    }
}
