package io.confab.bootstrap;

import io.confab.mcp.McpConfigException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code java -jar confab.jar}: reads the configuration, starts the server, stops it on SIGTERM.
 * {@code java -jar confab.jar mcp --user <id>} serves the task tools over MCP stdio instead
 * ({@link McpCommand}), with every log line on stderr. {@code --help}, {@code -h} and
 * {@code --version} print and exit 0; any other argument exits 2 with the usage on stderr.
 */
public final class Main {

    static final String USAGE = """
            usage: java -jar confab.jar                   start the server (settings: CONFAB_* environment
                                                          variables or ./confab.properties, see the README)
                   java -jar confab.jar mcp --user <id>   serve one user's task tools over MCP on stdin/stdout
                   java -jar confab.jar --version         print the version
                   java -jar confab.jar --help | -h       print this help""";

    private static final String H2_BIND_ADDRESS = "h2.bindAddress";

    private Main() {
    }

    public static void main(String[] args) {
        // H2's AUTO_SERVER port (the default database, shared with the mcp command) on loopback only
        if (System.getProperty(H2_BIND_ADDRESS) == null) {
            System.setProperty(H2_BIND_ADDRESS, "127.0.0.1");
        }
        if (args.length == 0) {
            serve();
            return;
        }
        if (args[0].equals(McpCommand.NAME)) {
            System.setProperty(LogConfig.TARGET_PROPERTY, LogConfig.STDERR); // before the first logger
            System.exit(McpCommand.run(args));
            return;
        }
        switch (args.length == 1 ? args[0] : "") {
            case "--help", "-h" -> {
                System.out.println(USAGE);
                System.exit(0);
            }
            case "--version" -> {
                System.out.println("confab " + version());
                System.exit(0);
            }
            default -> {
                String unknown = List.of("--help", "-h", "--version").contains(args[0]) ? args[1] : args[0];
                System.err.println("confab: unknown argument '" + unknown + "'");
                System.err.println(USAGE);
                System.exit(2);
            }
        }
    }

    /** The Maven project version, written into {@code version.properties} at build time. */
    static String version() {
        Properties properties = new Properties();
        try (InputStream in = Main.class.getResourceAsStream("version.properties")) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties.getProperty("version", "(unknown version)");
    }

    private static void serve() {
        ConfabConfig config;
        try {
            config = ConfabConfig.load();
        } catch (ConfigException e) {
            System.err.println("confab: configuration error: " + e.getMessage());
            System.exit(2);
            return;
        }
        ConfabServer server;
        try {
            server = start(config);
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
        NativeHeapTrimming.schedule();
    }

    /**
     * Starts the server the way the server command does (Jetty's default preset, the heap's
     * sizing, the ready line); {@link StartupTraining} starts it this way too, so the AOT cache
     * holds what this start loads.
     */
    static ConfabServer start(ConfabConfig config) {
        Logger log = LoggerFactory.getLogger(Main.class);
        JettyDefaults.presetReferencesPerCacheLine();
        HeapSizing.apply();
        ConfabServer server = ConfabServer.start(config);
        long sinceJvmStart = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
        log.info("Confab ready at {} ({} ms after JVM start)", server.uri(), sinceJvmStart);
        return server;
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
