package io.confab.mcp;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Runs a test main class as an MCP stdio server: this JVM's java with the test classpath. */
final class Subprocess {

    private Subprocess() {
    }

    /** A shared server (one process for every user). */
    static ServerConfig.Stdio server(String name, Duration timeout, Class<?> main, String... args) {
        return server(name, timeout, new ServerConfig.Shared(), main, args);
    }

    static ServerConfig.Stdio server(String name, Duration timeout, ServerConfig.Scope scope, Class<?> main,
                                     String... args) {
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> arguments = new ArrayList<>(List.of("-cp", classpath, "-Xshare:auto", "-XX:TieredStopAtLevel=1",
                main.getName()));
        arguments.addAll(List.of(args));
        return new ServerConfig.Stdio(name, java(), arguments, Map.of(), Optional.empty(), timeout, scope);
    }

    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
