package io.confab.mcp;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** One external MCP server from the servers file: how to reach it and how long a request may take. */
sealed interface ServerConfig {

    String name();

    Duration timeout();

    /** "stdio" or "http", as shown in health details. */
    String transport();

    /** A server started as a child process, speaking MCP on its stdin/stdout. */
    record Stdio(String name, String command, List<String> args, Map<String, String> env,
                 Optional<Path> workingDir, Duration timeout) implements ServerConfig {
        public Stdio {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(command, "command");
            args = List.copyOf(args);
            env = Map.copyOf(env);
            Objects.requireNonNull(workingDir, "workingDir");
            Objects.requireNonNull(timeout, "timeout");
        }

        @Override
        public String transport() {
            return "stdio";
        }
    }

    /** A server reached over MCP streamable HTTP. */
    record Http(String name, URI url, Map<String, String> headers, Duration timeout) implements ServerConfig {
        public Http {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(url, "url");
            headers = Map.copyOf(headers);
            Objects.requireNonNull(timeout, "timeout");
        }

        @Override
        public String transport() {
            return "http";
        }
    }
}
