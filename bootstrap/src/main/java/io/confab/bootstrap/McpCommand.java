package io.confab.bootstrap;

import io.confab.application.tools.TaskTools;
import io.confab.domain.UserId;
import io.confab.mcp.McpStdio;
import io.confab.persistence.Stores;
import java.time.Clock;
import java.util.Optional;

/**
 * {@code java -jar confab.jar mcp --user <id>}: the built-in task tools of one user served over
 * MCP on stdin/stdout, on the configured store, until the client closes stdin. Logs go to stderr
 * (see {@link Main}); stdout carries only the protocol.
 */
final class McpCommand {

    static final String NAME = "mcp";
    static final String USAGE = "usage: java -jar confab.jar mcp --user <id>";

    private McpCommand() {
    }

    /** Runs the command; returns the process exit code (2: bad arguments or configuration). */
    static int run(String[] args) {
        Optional<UserId> user = user(args);
        if (user.isEmpty()) {
            System.err.println("confab mcp: --user <id> is required (the user whose tasks the tools manage); " + USAGE);
            return 2;
        }
        ConfabConfig config;
        try {
            config = ConfabConfig.load();
        } catch (ConfigException e) {
            System.err.println("confab: configuration error: " + e.getMessage());
            return 2;
        }
        try (Stores stores = Wiring.openStores(config)) {
            McpStdio.run(new TaskTools(stores.tasks(), Clock.systemUTC()), user.get());
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        } catch (RuntimeException e) {
            System.err.println("confab mcp: cannot serve: " + Main.oneLine(e));
            return 1;
        }
    }

    /** The value of {@code --user <id>} or {@code --user=<id>}, when given and not blank. */
    private static Optional<UserId> user(String[] args) {
        for (int i = 1; i < args.length; i++) {
            String value = args[i].startsWith("--user=") ? args[i].substring("--user=".length())
                    : args[i].equals("--user") && i + 1 < args.length ? args[i + 1] : null;
            if (value != null && !value.isBlank() && value.length() <= UserId.MAX_LENGTH) {
                return Optional.of(new UserId(value));
            }
        }
        return Optional.empty();
    }
}
