package io.confab.persistence;

import static io.confab.persistence.SqlFailures.guard;

import io.confab.domain.UserId;
import io.confab.domain.audit.AuditedToolCallId;
import io.confab.domain.audit.AuditedToolCallPage;
import io.confab.domain.audit.ToolCallEntry;
import io.confab.domain.port.ToolCallAudit;
import java.util.Optional;

/** Reports a lost database as {@code StoreUnavailableException} around any tool-call audit. */
record GuardedToolCallAudit(ToolCallAudit store) implements ToolCallAudit {

    @Override
    public void record(ToolCallEntry call) {
        guard(() -> {
            store.record(call);
            return null;
        });
    }

    @Override
    public AuditedToolCallPage list(UserId owner, Optional<AuditedToolCallId> before, int limit) {
        return guard(() -> store.list(owner, before, limit));
    }

    @Override
    public long eraseOwner(UserId owner) {
        return guard(() -> store.eraseOwner(owner));
    }
}
