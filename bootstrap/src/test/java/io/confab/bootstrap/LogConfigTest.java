package io.confab.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/** What the server's log looks like on stdout: one line per event, whichever logging API wrote it. */
class LogConfigTest {

    private final ByteArrayOutputStream captured = new ByteArrayOutputStream();
    private PrintStream stdout;

    @BeforeEach
    void captureStdout() {
        LoggerFactory.getLogger(LogConfigTest.class); // logback configured (and JUL routed) before the capture
        stdout = System.out;
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        MDC.put("correlation_id", "cid-log-1");
    }

    @AfterEach
    void restoreStdout() {
        MDC.remove("correlation_id");
        System.setOut(stdout);
    }

    private List<String> lines() {
        return captured.toString(StandardCharsets.UTF_8).lines().toList();
    }

    @Test
    void aSystemLoggerRecordWithAnException_isOneLine_withTheCorrelationId() {
        System.getLogger("io.confab.application.turn.Example")
                .log(System.Logger.Level.WARNING, "could not finish the turn", new IllegalStateException("boom\nmore"));

        assertThat(lines()).singleElement().satisfies(line -> assertThat(line)
                .contains(" WARN ", "cid=cid-log-1", "could not finish the turn", "IllegalStateException: boom | more"));
    }

    @Test
    void aJavaUtilLoggingRecord_isOneLine_andBelowTheLevelIsDropped() {
        java.util.logging.Logger logger = java.util.logging.Logger.getLogger("io.confab.Example");
        logger.fine("not shown");
        logger.severe("the model client gave up");

        assertThat(lines()).singleElement().satisfies(line -> assertThat(line)
                .contains(" ERROR ", "cid=cid-log-1", "the model client gave up"));
    }

    @Test
    void lineBreaksInAMessage_cannotStartAForgedLine() {
        LoggerFactory.getLogger("io.confab.Example").info("user {} signed in", "eve\r\n2026-01-01 INFO admin signed in");

        assertThat(lines()).singleElement().satisfies(line -> assertThat(line).contains("eve | 2026-01-01 INFO admin"));
    }
}
