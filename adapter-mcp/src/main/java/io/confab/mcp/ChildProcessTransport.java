package io.confab.mcp;

import io.modelcontextprotocol.json.TypeRef;
import io.modelcontextprotocol.spec.McpClientTransport;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Schedulers;

/**
 * MCP over a child process's stdin/stdout (one JSON-RPC message per line). Unlike the SDK's stdio
 * transport it notices when the process cannot start or exits, and says why: {@link #ended()}
 * completes with the exit code and the last lines of its stderr (which the SDK stops reading once
 * stdout closes). Messages are handled in the order they arrive, as the SDK's transport does.
 */
final class ChildProcessTransport implements McpClientTransport {

    private static final Logger LOG = LoggerFactory.getLogger(ChildProcessTransport.class);
    private static final int STDERR_LINES = 5;
    private static final int STDERR_LINE_LENGTH = 200;
    private static final Duration STDERR_DRAIN = Duration.ofSeconds(2);
    private static final Duration STOP_GRACE = Duration.ofSeconds(2);

    private final ServerConfig.Stdio config;
    private final Sinks.Many<McpSchema.JSONRPCMessage> inbound = Sinks.many().unicast().onBackpressureBuffer();
    private final Deque<String> stderr = new ArrayDeque<>();
    private final CompletableFuture<String> ended = new CompletableFuture<>();
    private final Object writing = new Object();
    /** The running process, once {@link #connect} started it; messages sent before wait for it. */
    private final CompletableFuture<Process> process = new CompletableFuture<>();

    ChildProcessTransport(ServerConfig.Stdio config) {
        this.config = config;
    }

    @Override
    public Mono<Void> connect(Function<Mono<McpSchema.JSONRPCMessage>, Mono<McpSchema.JSONRPCMessage>> handler) {
        return Mono.<Void>fromRunnable(() -> {
            inbound.asFlux().flatMap(message -> Mono.just(message).transform(handler)).subscribe();
            Process started = start();
            if (!process.complete(started)) {
                started.destroyForcibly(); // closed while starting
                return;
            }
            Thread.ofVirtual().name("mcp-" + config.name() + "-out").start(() -> readMessages(started.getInputStream()));
            Thread errors = Thread.ofVirtual().name("mcp-" + config.name() + "-err")
                    .start(() -> readStderr(started.getErrorStream()));
            Thread.ofVirtual().name("mcp-" + config.name() + "-exit").start(() -> watchExit(started, errors));
        }).subscribeOn(Schedulers.boundedElastic());
    }

    /**
     * Completes with why the process is gone: it could not start, or it exited (with its code and
     * last stderr lines). Never completes while it runs.
     */
    CompletableFuture<String> ended() {
        return ended;
    }

    /** Errors with {@link #ended()}'s reason; never completes otherwise. */
    Mono<Void> endedAsError() {
        return Mono.fromFuture(ended, true).flatMap(reason -> Mono.error(new IllegalStateException(reason)));
    }

    @Override
    public Mono<Void> sendMessage(McpSchema.JSONRPCMessage message) {
        return Mono.fromFuture(process, true).flatMap(running -> Mono.<Void>fromRunnable(() -> {
            try {
                byte[] line = (McpJson.MAPPER.writeValueAsString(message) + "\n").getBytes(StandardCharsets.UTF_8);
                synchronized (writing) {
                    OutputStream in = running.getOutputStream();
                    in.write(line);
                    in.flush();
                }
            } catch (IOException e) {
                throw new IllegalStateException(whyWriteFailed(e));
            }
        }).subscribeOn(Schedulers.boundedElastic()));
    }

    /** As the MCP spec asks: close its stdin, then terminate it, then kill it. */
    @Override
    public Mono<Void> closeGracefully() {
        return Mono.<Void>fromRunnable(() -> {
            inbound.tryEmitComplete();
            if (process.completeExceptionally(new IllegalStateException("the transport is closed"))
                    || process.isCompletedExceptionally()) {
                return;
            }
            Process running = process.join();
            try {
                running.getOutputStream().close();
                if (!running.waitFor(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                    running.destroy();
                    if (!running.waitFor(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                        running.destroyForcibly();
                    }
                }
            } catch (IOException e) {
                running.destroyForcibly();
            } catch (InterruptedException e) {
                running.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }).subscribeOn(Schedulers.boundedElastic());
    }

    @Override
    public <T> T unmarshalFrom(Object data, TypeRef<T> typeRef) {
        return McpJson.MAPPER.convertValue(data, typeRef);
    }

    private Process start() {
        List<String> command = new ArrayList<>(List.of(config.command()));
        command.addAll(config.args());
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().putAll(config.env());
        config.workingDir().ifPresent(dir -> builder.directory(dir.toFile()));
        try {
            return builder.start();
        } catch (IOException e) {
            String reason = "cannot start " + config.command() + " (" + rootMessage(e) + ")";
            ended.complete(reason);
            process.completeExceptionally(new IllegalStateException(reason));
            throw new UncheckedIOException(e);
        }
    }

    private void readMessages(InputStream stdout) {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(stdout, StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (!line.isBlank()) {
                    deliver(line);
                }
            }
        } catch (IOException e) {
            LOG.debug("stopped reading MCP server {}", config.name(), e);
        } finally {
            // the SDK fails the open requests when the messages end: first let ended() say why
            awaitEnd();
            inbound.tryEmitComplete();
        }
    }

    private void deliver(String line) {
        try {
            inbound.tryEmitNext(McpSchema.deserializeJsonRpcMessage(McpJson.MAPPER, line));
        } catch (IOException | RuntimeException e) {
            LOG.debug("[mcp {}] not a JSON-RPC message on stdout: {}", config.name(), line);
        }
    }

    private void readStderr(InputStream errors) {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(errors, StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                LOG.debug("[mcp {}] {}", config.name(), line);
                remember(line);
            }
        } catch (IOException e) {
            LOG.debug("stopped reading the stderr of MCP server {}", config.name(), e);
        }
    }

    private void watchExit(Process running, Thread errors) {
        try {
            int code = running.waitFor();
            errors.join(STDERR_DRAIN);
            ended.complete("the server process exited with code " + code + lastStderr());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A closed pipe means the process is exiting: its exit code and stderr say more than "Broken pipe". */
    private String whyWriteFailed(IOException error) {
        return awaitEnd().orElse("cannot write to the server process (" + error.getMessage() + ")");
    }

    /** Why the process ended, once it has (waiting a little); empty while it still runs. */
    private Optional<String> awaitEnd() {
        try {
            return Optional.of(ended.get(STDERR_DRAIN.toMillis() * 2, TimeUnit.MILLISECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // still running
        }
        return Optional.empty();
    }

    private void remember(String line) {
        synchronized (stderr) {
            if (stderr.size() == STDERR_LINES) {
                stderr.removeFirst();
            }
            stderr.addLast(line.length() > STDERR_LINE_LENGTH ? line.substring(0, STDERR_LINE_LENGTH) + "…" : line);
        }
    }

    private String lastStderr() {
        synchronized (stderr) {
            return stderr.isEmpty() ? "" : "; stderr: " + String.join(" | ", stderr);
        }
    }

    private static String rootMessage(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}
