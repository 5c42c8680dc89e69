package io.confab.bootstrap;

import io.confab.testkit.Await;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The Confab server ({@link Main}, started by {@link ForkedMain}'s command) in a JVM of its own, so a
 * test can kill it as a crash would
 * ({@code kill -9}: no shutdown hook, nothing stored on the way out). Its output goes to a file.
 */
final class ForkedServer implements AutoCloseable {

    private static final Duration START_LIMIT = Duration.ofSeconds(60);

    private final Process process;
    private final Path log;
    final URI uri;

    private ForkedServer(Process process, Path log, URI uri) {
        this.process = process;
        this.log = log;
        this.uri = uri;
    }

    /** Starts the server with {@code environment} (plus host and port) and waits until it is live. */
    static ForkedServer start(Map<String, String> environment, int port, Path log) {
        List<String> command = new ArrayList<>(List.of(ForkedMain.JAVA, "-Xmx256m"));
        command.addAll(ForkedMain.javaArguments());
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().keySet().removeIf(key -> key.startsWith("CONFAB_") || key.startsWith("OPENAI_"));
        builder.environment().putAll(environment);
        builder.environment().put("CONFAB_HOST", "127.0.0.1");
        builder.environment().put("CONFAB_PORT", Integer.toString(port));
        try {
            ForkedServer server = new ForkedServer(builder.start(), log, URI.create("http://127.0.0.1:" + port));
            server.awaitLive();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A port that was free a moment ago (the forked server binds it itself). */
    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Kills the server as a crash would: no shutdown hook runs. */
    void kill() {
        process.destroyForcibly();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void awaitLive() {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        try {
            Await.until("the forked server is ready", START_LIMIT, () -> isReady(client));
        } catch (AssertionError notReady) {
            kill();
            throw new AssertionError(notReady.getMessage() + ": " + output(), notReady);
        }
    }

    private boolean isReady(HttpClient client) {
        if (!process.isAlive()) {
            throw new AssertionError("the forked server exited with " + process.exitValue() + ": " + output());
        }
        try {
            return client.send(HttpRequest.newBuilder(uri.resolve("/health/ready")).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException notYet) {
            return false; // not listening yet
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private String output() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "(no output: " + e + ")";
        }
    }

    @Override
    public void close() {
        kill();
    }
}
