package io.confab.bootstrap;

import java.lang.management.ManagementFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code java -jar confab.jar}: reads the configuration, starts the server, stops it on SIGTERM. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        ConfabConfig config;
        try {
            config = ConfabConfig.load();
        } catch (ConfigException e) {
            System.err.println("confab: configuration error: " + e.getMessage());
            System.exit(2);
            return;
        }
        Logger log = LoggerFactory.getLogger(Main.class);
        ConfabServer server;
        try {
            server = ConfabServer.start(config);
        } catch (ConfigException e) {
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

    private static String oneLine(Throwable e) {
        StringBuilder text = new StringBuilder(String.valueOf(e.getMessage()));
        for (Throwable cause = e.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            if (cause.getMessage() != null && !text.toString().contains(cause.getMessage())) {
                text.append(": ").append(cause.getMessage());
            }
        }
        return text.toString().replace('\n', ' ');
    }
}
