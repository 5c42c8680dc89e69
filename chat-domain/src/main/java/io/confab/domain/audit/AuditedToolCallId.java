package io.confab.domain.audit;

import java.util.Objects;
import java.util.UUID;

/** Identifies one audited tool call; the cursor of the audit list's pages. */
public record AuditedToolCallId(UUID value) {

    public AuditedToolCallId {
        Objects.requireNonNull(value, "value");
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
