package io.confab.application.testing;

import java.text.MessageFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * The lines one class logs through {@code System.Logger} (java.util.logging in these tests),
 * formatted, from {@link #of} until {@link #close()}.
 */
public final class LogCapture extends Handler implements AutoCloseable {

    /** One formatted line and its level. */
    public record Line(Level level, String text) {
    }

    private final Logger logger;
    private final List<Line> lines = new CopyOnWriteArrayList<>();

    private LogCapture(Logger logger) {
        this.logger = logger;
    }

    public static LogCapture of(Class<?> type) {
        LogCapture capture = new LogCapture(Logger.getLogger(type.getName()));
        capture.logger.addHandler(capture);
        return capture;
    }

    public List<Line> lines() {
        return List.copyOf(lines);
    }

    public List<Line> at(Level level) {
        return lines.stream().filter(line -> line.level().equals(level)).toList();
    }

    @Override
    public void publish(LogRecord record) {
        String text = record.getParameters() == null ? record.getMessage()
                : MessageFormat.format(record.getMessage(), record.getParameters());
        lines.add(new Line(record.getLevel(), text));
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        logger.removeHandler(this);
    }
}
