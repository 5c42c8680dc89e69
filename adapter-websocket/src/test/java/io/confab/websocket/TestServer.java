package io.confab.websocket;

import io.confab.application.Confab;
import io.confab.application.ConfabPorts;
import io.confab.application.ConfabSettings;
import io.confab.testkit.ScriptedChatModel;
import io.javalin.Javalin;
import java.net.URI;
import java.time.Clock;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;

/** A Javalin server with the WebSocket API over a Confab built from the given ports, on a free port. */
final class TestServer implements AutoCloseable {

    final Confab confab;
    final WebSocketApi api;
    private final Javalin app;

    TestServer(ConfabPorts ports, WebSocketSettings settings) {
        this.confab = Confab.create(ports, ConfabSettings.defaults());
        this.api = new WebSocketApi(new WebSocketUseCases(confab.sendMessage(), confab.createConversation(),
                confab.getConversation(), confab.cancelTurn(), confab.followTurn(), confab.retryReply()),
                new FakeTokens(), FakeTokens.TICKETS, ports.eventBus(), Clock.systemUTC(), settings);
        this.app = Javalin.create(config -> {
            config.concurrency.useVirtualThreads = true;
            config.startup.showJavalinBanner = false;
            api.register(config);
        }).start("127.0.0.1", 0);
    }

    /** In-memory ports with a scripted model. */
    static TestServer inMemory(ScriptedChatModel model, WebSocketSettings settings) {
        return new TestServer(Confab.inMemoryPorts(model, Clock.systemUTC(), 1_000), settings);
    }

    URI uri(String pathAndQuery) {
        return URI.create("ws://127.0.0.1:" + app.port() + pathAndQuery);
    }

    /** A socket of {@code user} on {@code /ws/chat}, its connection_established frame already read. */
    WsClient connect(String user) {
        WsClient client = WsClient.connect(uri("/ws/chat?token=" + FakeTokens.of(user)));
        client.next("connection_established");
        return client;
    }

    /** HTTP sessions Jetty has created since the server started. */
    int httpSessionsCreated() {
        return app.jettyServer().server().getDescendant(ServletContextHandler.class).getSessionHandler()
                .getSessionsCreated();
    }

    @Override
    public void close() {
        api.close();
        app.stop();
        confab.close();
    }
}
