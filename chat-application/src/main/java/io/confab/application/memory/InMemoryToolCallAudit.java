package io.confab.application.memory;

import io.confab.domain.UserId;
import io.confab.domain.audit.AuditedToolCall;
import io.confab.domain.audit.AuditedToolCallId;
import io.confab.domain.audit.AuditedToolCallPage;
import io.confab.domain.audit.ToolCallEntry;
import io.confab.domain.json.JsonValue;
import io.confab.domain.port.ToolCallAudit;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Each user's audited tool calls, newest first, for ephemeral use and tests; thread-safe (one
 * monitor). {@code jsonText} writes a result as JSON (the core has no JSON writer of its own).
 */
public final class InMemoryToolCallAudit implements ToolCallAudit {

    private static final Comparator<AuditedToolCall> NEWEST_FIRST = Comparator
            .comparing(AuditedToolCall::createdAt)
            .thenComparing(call -> call.id().value())
            .reversed();

    private final Function<JsonValue, String> jsonText;
    private final Map<UserId, TreeSet<AuditedToolCall>> byUser = new HashMap<>();

    public InMemoryToolCallAudit(Function<JsonValue, String> jsonText) {
        this.jsonText = jsonText;
    }

    @Override
    public void record(ToolCallEntry call) {
        AuditedToolCall stored = call.stored(jsonText.apply(call.result()));
        synchronized (this) {
            byUser.computeIfAbsent(call.user(), user -> new TreeSet<>(NEWEST_FIRST)).add(stored);
        }
    }

    @Override
    public synchronized AuditedToolCallPage list(UserId owner, Optional<AuditedToolCallId> before, int limit) {
        TreeSet<AuditedToolCall> calls = byUser.getOrDefault(owner, new TreeSet<>(NEWEST_FIRST));
        List<AuditedToolCall> older = before.map(id -> calls.stream().filter(call -> call.id().equals(id)).findFirst()
                        .map(cursor -> List.copyOf(calls.tailSet(cursor, false)))
                        .orElse(List.of()))
                .orElseGet(() -> List.copyOf(calls));
        return new AuditedToolCallPage(older.subList(0, Math.min(limit, older.size())), older.size() > limit);
    }

    @Override
    public synchronized long eraseOwner(UserId owner) {
        TreeSet<AuditedToolCall> erased = byUser.remove(owner);
        return erased == null ? 0 : erased.size();
    }
}
