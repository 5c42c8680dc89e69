package io.confab.bootstrap;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.jul.LevelChangePropagator;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.spi.ContextAwareBase;
import org.slf4j.Logger;
import org.slf4j.bridge.SLF4JBridgeHandler;

/**
 * Logging set up in code (found by logback through {@code ServiceLoader}), which starts faster
 * than XML: one line per event on stdout (stderr when {@link #TARGET_PROPERTY} says so, as in the
 * MCP stdio mode, where stdout is the protocol), UTC time, the request's correlation id, line
 * breaks in the message and the exception (its class, message and top frame) folded onto the line;
 * Confab at INFO, libraries at WARN. {@code java.util.logging} and {@code System.Logger} (the
 * JDK's default backend is {@code java.util.logging}) are routed here too, at the same levels.
 */
public final class LogConfig extends ContextAwareBase implements Configurator {

    /** System property naming the console target: {@code System.out} (default) or {@link #STDERR}. */
    static final String TARGET_PROPERTY = "confab.log.target";
    static final String STDERR = "System.err";

    static final String PATTERN = "%d{yyyy-MM-dd'T'HH:mm:ss.SSSXXX,UTC} %-5level %logger{20} cid=%X{correlation_id:--} "
            + "%replace(%msg%ex{short}){'[\\r\\n]+', ' | '}%nopex%n";

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern(PATTERN);
        encoder.start();
        ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
        console.setContext(context);
        console.setName("console");
        console.setTarget(System.getProperty(TARGET_PROPERTY, "System.out"));
        console.setEncoder(encoder);
        console.start();
        routeJavaUtilLogging(context);
        ch.qos.logback.classic.Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.WARN);
        root.addAppender(console);
        context.getLogger("io.confab").setLevel(Level.INFO);
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }

    /**
     * Replaces JUL's console handler (multi-line records on stderr) with the bridge to this
     * configuration; the propagator copies the levels below to JUL, so a record that would be
     * dropped is dropped by JUL before it is built.
     */
    private static void routeJavaUtilLogging(LoggerContext context) {
        LevelChangePropagator propagator = new LevelChangePropagator();
        propagator.setContext(context);
        propagator.setResetJUL(true);
        propagator.start();
        context.addListener(propagator);
        SLF4JBridgeHandler.removeHandlersForRootLogger();
        SLF4JBridgeHandler.install();
    }
}
