package io.confab.application.service;

import io.confab.application.usecase.EraseAccountUseCase;
import io.confab.domain.UserId;
import io.confab.domain.port.MessageRepository;
import io.confab.domain.port.TaskRepository;

/**
 * Erases a user's data from every store that keeps it per user. Running turns' events (the event
 * log) are not erased here: reading them needs the conversation, which is gone, and they expire
 * with the log's time to live; turn leases expire too.
 */
public final class EraseAccountService implements EraseAccountUseCase {

    private final MessageRepository messages;
    private final TaskRepository tasks;

    public EraseAccountService(MessageRepository messages, TaskRepository tasks) {
        this.messages = messages;
        this.tasks = tasks;
    }

    @Override
    public Erased erase(UserId owner) {
        return new Erased(messages.eraseOwner(owner), tasks.eraseOwner(owner));
    }
}
