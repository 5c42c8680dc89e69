package io.confab.bootstrap;

import io.confab.testkit.http.TestHttp;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * {@link Main} in a child JVM (this JVM's {@code java}, the test classpath), as {@code java -jar confab.jar}
 * runs it: run to its end, or named in an MCP servers file as a stdio server.
 */
final class ForkedMain {

    static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    static final String CLASSPATH = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));

    /** What a finished run printed, and its exit code. */
    record Result(int exitCode, String stdout, String stderr) {
    }

    private ForkedMain() {
    }

    /** The arguments after {@code java}: the classpath, {@link Main} and {@code args}. */
    static List<String> javaArguments(String... args) {
        List<String> arguments = new ArrayList<>(List.of("-cp", CLASSPATH, Main.class.getName()));
        arguments.addAll(List.of(args));
        return arguments;
    }

    /**
     * Runs Main with {@code args} and {@code env} added to this process's environment, stdin closed;
     * fails if it has not exited within 30 s (then it is killed).
     */
    static Result run(Map<String, String> env, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(JAVA));
        command.addAll(javaArguments(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().putAll(env);
        Process process = builder.start();
        process.getOutputStream().close();
        CompletableFuture<String> stdout = read(process.getInputStream());
        CompletableFuture<String> stderr = read(process.getErrorStream());
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
            throw new AssertionError("still running after 30 s: " + String.join(" ", args) + "; stdout: " + stdout.join());
        }
        return new Result(process.exitValue(), stdout.join(), stderr.join());
    }

    /** An entry of a Confab MCP servers file that starts {@code java} with {@code javaArguments} over stdio. */
    static Map<String, Object> stdioServer(List<String> javaArguments, Map<String, String> env) {
        return Map.of("command", JAVA, "args", javaArguments, "env", env, "timeout_seconds", 20);
    }

    /** Writes a Confab MCP servers file (fast reconnection) to {@code file}. */
    static Path writeServersFile(Path file, Map<String, Object> servers) throws IOException {
        Files.writeString(file, TestHttp.JSON.writeValueAsString(Map.of("servers", servers,
                "reconnect", Map.of("min_ms", 100, "max_ms", 1000))));
        return file;
    }

    private static CompletableFuture<String> read(InputStream stream) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
    }
}
