package io.confab.bootstrap;

import io.confab.mcp.McpConfigException;
import java.lang.management.ManagementFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code java -jar confab.jar}: reads the configuration, starts the server, stops it on SIGTERM.
 * {@code java -jar confab.jar mcp --user <id>} serves the task tools over MCP stdio instead
 * ({@link McpCommand}), with every log line on stderr.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals(McpCommand.NAME)) {
            System.setProperty(LogConfig.TARGET_PROPERTY, LogConfig.STDERR); // before the first logger
            System.exit(McpCommand.run(args));
            return;
        }
        ConfabConfig config;
        try {
            config = ConfabConfig.load();
        } catch (ConfigException e) {
            System.err.println("confab: configuration error: " + e.getMessage());
            System.exit(2);
            return;
        }
        Logger log = LoggerFactory.getLogger(Main.class);
        JettyDefaults.presetReferencesPerCacheLine();
        ConfabServer server;
        try {
            server = ConfabServer.start(config);
        } catch (ConfigException | McpConfigException e) {
            System.err.println("confab: configuration error: " + e.getMessage());
            System.exit(2);
            return;
        } catch (RuntimeException e) {
            System.err.println("confab: cannot start: " + oneLine(e));
            System.exit(1);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "confab-shutdown"));
        long sinceJvmStart = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
        log.info("Confab ready at {} ({} ms after JVM start)", server.uri(), sinceJvmStart);
    }

    static String oneLine(Throwable e) {
        StringBuilder text = new StringBuilder(String.valueOf(e.getMessage()));
        for (Throwable cause = e.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            if (cause.getMessage() != null && !text.toString().contains(cause.getMessage())) {
                text.append(": ").append(cause.getMessage());
            }
        }
        return text.toString().replace('\n', ' ');
    }
}
