package io.confab.bootstrap;

import io.confab.application.Stores;
import io.confab.application.tools.TaskTools;
import io.confab.application.tools.ToolCallRecorder;
import io.confab.domain.TimeOrderedIdGenerator;
import io.confab.domain.UserId;
import io.confab.domain.audit.ToolCallSource;
import io.confab.mcp.McpStdio;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * {@code java -jar confab.jar mcp --user <id>}: the built-in task tools of one user served over
 * MCP on stdin/stdout, on the configured store, until the client closes stdin; every call is
 * recorded in the tool-call audit as {@code mcp_stdio}. Logs go to stderr
 * (see {@link Main}); stdout carries only the protocol. {@code --help} prints the usage; any
 * other argument exits 2.
 */
final class McpCommand {

    static final String NAME = "mcp";
    static final String USAGE = "usage: java -jar confab.jar mcp --user <id>";

    private McpCommand() {
    }

    /** Runs the command; returns the process exit code (2: bad arguments or configuration). */
    static int run(String[] args) {
        List<String> options = List.of(args).subList(1, args.length);
        if (options.contains("--help") || options.contains("-h")) {
            System.out.println(USAGE);
            return 0;
        }
        Optional<String> unknown = unknownOption(options);
        if (unknown.isPresent()) {
            System.err.println("confab mcp: unknown argument '" + unknown.get() + "'; " + USAGE);
            return 2;
        }
        Optional<UserId> user = user(options);
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
            Clock clock = Clock.systemUTC();
            ToolCallRecorder recorder = new ToolCallRecorder(stores.toolCalls(), clock, new TimeOrderedIdGenerator(clock));
            McpStdio.run(recorder.recording(new TaskTools(stores.tasks(), clock), ToolCallSource.MCP_STDIO), user.get());
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        } catch (RuntimeException e) {
            System.err.println("confab mcp: cannot serve: " + Main.oneLine(e));
            return 1;
        }
    }

    /** The first option that is neither {@code --user <id>} nor {@code --user=<id>}. */
    private static Optional<String> unknownOption(List<String> options) {
        for (int i = 0; i < options.size(); i++) {
            String option = options.get(i);
            if (option.equals("--user")) {
                i++;
            } else if (!option.startsWith("--user=")) {
                return Optional.of(option);
            }
        }
        return Optional.empty();
    }

    /** The value of {@code --user <id>} or {@code --user=<id>}, when given and not blank. */
    private static Optional<UserId> user(List<String> options) {
        for (int i = 0; i < options.size(); i++) {
            String value = options.get(i).startsWith("--user=") ? options.get(i).substring("--user=".length())
                    : options.get(i).equals("--user") && i + 1 < options.size() ? options.get(i + 1) : null;
            if (value != null && !value.isBlank() && value.length() <= UserId.MAX_LENGTH) {
                return Optional.of(new UserId(value));
            }
        }
        return Optional.empty();
    }
}
