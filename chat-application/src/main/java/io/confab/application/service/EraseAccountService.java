package io.confab.application.service;

import io.confab.application.usecase.EraseAccountUseCase;
import io.confab.domain.UserId;
import io.confab.domain.port.MessageRepository;
import io.confab.domain.port.TaskRepository;
import io.confab.domain.port.ToolCallAudit;
import java.util.Optional;

/**
 * Erases a user's data from every store that keeps it per user: messages, tasks and the tool-call
 * audit. Running turns' events (the event log) are not erased here: reading them needs the
 * conversation, which is gone, and they expire with the log's time to live; turn leases expire too.
 */
public final class EraseAccountService implements EraseAccountUseCase {

    private final MessageRepository messages;
    private final TaskRepository tasks;
    private final Optional<ToolCallAudit> toolCalls;

    public EraseAccountService(MessageRepository messages, TaskRepository tasks, Optional<ToolCallAudit> toolCalls) {
        this.messages = messages;
        this.tasks = tasks;
        this.toolCalls = toolCalls;
    }

    @Override
    public Erased erase(UserId owner) {
        Erased erased = new Erased(messages.eraseOwner(owner), tasks.eraseOwner(owner));
        toolCalls.ifPresent(audit -> audit.eraseOwner(owner));
        return erased;
    }
}
