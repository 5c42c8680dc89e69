package io.confab.domain;

import java.util.Locale;

/** Who wrote a message. */
public enum Role {
    USER, ASSISTANT;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
