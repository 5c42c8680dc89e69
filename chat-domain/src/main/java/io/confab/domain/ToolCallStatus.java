package io.confab.domain;

import java.util.Locale;

/** Whether a tool call succeeded. */
public enum ToolCallStatus {
    OK, ERROR;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ToolCallStatus fromWire(String text) {
        return valueOf(text.toUpperCase(Locale.ROOT));
    }
}
