package io.confab.application.usecase;

import io.confab.domain.UserId;
import io.confab.domain.ValidationException;
import io.confab.domain.audit.AuditedToolCallId;
import io.confab.domain.audit.AuditedToolCallPage;
import java.util.Optional;

/** Pages through the caller's own audited tool calls (SPEC §17), newest first. */
public interface ListToolCallsUseCase {

    int DEFAULT_LIMIT = 50;
    int MAX_LIMIT = 200;

    /** At most {@code limit} calls, older than {@code before} when given (a call of someone else's gives none). */
    AuditedToolCallPage list(UserId owner, Optional<AuditedToolCallId> before, int limit);

    static int checkLimit(int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new ValidationException("limit", "must be between 1 and " + MAX_LIMIT);
        }
        return limit;
    }
}
