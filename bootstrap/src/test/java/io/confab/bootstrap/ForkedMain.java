package io.confab.bootstrap;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** {@link Main} in a child JVM (this JVM's {@code java}, the test classpath), as {@code java -jar confab.jar} runs it. */
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

    private static CompletableFuture<String> read(java.io.InputStream stream) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
    }
}
