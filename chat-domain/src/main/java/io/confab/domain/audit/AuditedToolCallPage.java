package io.confab.domain.audit;

import java.util.List;

/** One keyset page of a user's audited tool calls, newest first; {@code hasMore} says older ones exist. */
public record AuditedToolCallPage(List<AuditedToolCall> items, boolean hasMore) {

    public AuditedToolCallPage {
        items = List.copyOf(items);
    }
}
