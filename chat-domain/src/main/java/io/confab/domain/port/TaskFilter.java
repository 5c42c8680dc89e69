package io.confab.domain.port;

import io.confab.domain.ValidationException;
import java.util.Locale;

/** Which tasks to list. */
public enum TaskFilter {
    ALL, PENDING, COMPLETED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static TaskFilter fromWire(String text) {
        for (TaskFilter filter : values()) {
            if (filter.wireName().equals(text)) {
                return filter;
            }
        }
        throw new ValidationException("status", "must be one of all, pending, completed");
    }
}
