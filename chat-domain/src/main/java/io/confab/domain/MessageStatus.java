package io.confab.domain;

import java.util.Locale;

/** How a message ended: complete, still streaming, stopped by the user, or failed. */
public enum MessageStatus {
    COMPLETE, STREAMING, INTERRUPTED, FAILED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static MessageStatus fromWire(String text) {
        return valueOf(text.toUpperCase(Locale.ROOT));
    }
}
