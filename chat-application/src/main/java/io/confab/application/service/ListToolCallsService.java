package io.confab.application.service;

import io.confab.application.usecase.ListToolCallsUseCase;
import io.confab.domain.UserId;
import io.confab.domain.audit.AuditedToolCallId;
import io.confab.domain.audit.AuditedToolCallPage;
import io.confab.domain.port.ToolCallAudit;
import java.util.List;
import java.util.Optional;

/** Lists the caller's audited tool calls; an empty list when the host runs Confab without an audit store. */
public final class ListToolCallsService implements ListToolCallsUseCase {

    private final Optional<ToolCallAudit> audit;

    public ListToolCallsService(Optional<ToolCallAudit> audit) {
        this.audit = audit;
    }

    @Override
    public AuditedToolCallPage list(UserId owner, Optional<AuditedToolCallId> before, int limit) {
        ListToolCallsUseCase.checkLimit(limit);
        return audit.map(calls -> calls.list(owner, before, limit)).orElseGet(() -> new AuditedToolCallPage(List.of(), false));
    }
}
