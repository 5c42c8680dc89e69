package io.confab.domain.port;

import io.confab.domain.UserId;
import io.confab.domain.audit.AuditedToolCallId;
import io.confab.domain.audit.AuditedToolCallPage;
import io.confab.domain.audit.ToolCallEntry;
import java.util.Optional;

/** Records every tool call (SPEC §17) and lists each user's own, newest first. */
public interface ToolCallAudit {

    /** Stores the call, its result cut to the first {@value io.confab.domain.audit.AuditedToolCall#MAX_RESULT_BYTES} bytes of JSON text. */
    void record(ToolCallEntry call);

    /**
     * The owner's calls newest first (by {@code created_at}, then id), at most {@code limit}; with
     * {@code before}, only those older than that call of the owner's (none when it is not theirs).
     */
    AuditedToolCallPage list(UserId owner, Optional<AuditedToolCallId> before, int limit);

    /** Erases every call of the owner; answers how many. */
    long eraseOwner(UserId owner);
}
