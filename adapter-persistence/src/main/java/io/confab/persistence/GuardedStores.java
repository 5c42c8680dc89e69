package io.confab.persistence;

import io.confab.application.Stores;
import io.confab.domain.port.ConversationRepository;
import io.confab.domain.port.MessageRepository;
import io.confab.domain.port.TaskRepository;
import io.confab.domain.port.ToolCallAudit;
import io.confab.domain.port.TurnLeases;

/**
 * The {@link Stores} handed out by the factories: each repository wrapped so a lost database
 * surfaces as {@code StoreUnavailableException}; closing releases the ORM (if any), then the pool.
 */
final class GuardedStores implements Stores {

    private final Database database;
    private final ConversationRepository conversations;
    private final MessageRepository messages;
    private final TaskRepository tasks;
    private final TurnLeases leases;
    private final ToolCallAudit toolCalls;
    private final Runnable beforeClose;

    GuardedStores(Database database, ConversationRepository conversations, MessageRepository messages,
                  TaskRepository tasks, TurnLeases leases, ToolCallAudit toolCalls, Runnable beforeClose) {
        this.database = database;
        this.conversations = new GuardedConversationRepository(conversations);
        this.messages = new GuardedMessageRepository(messages);
        this.tasks = new GuardedTaskRepository(tasks);
        this.leases = new GuardedTurnLeases(leases);
        this.toolCalls = new GuardedToolCallAudit(toolCalls);
        this.beforeClose = beforeClose;
    }

    @Override
    public ConversationRepository conversations() {
        return conversations;
    }

    @Override
    public MessageRepository messages() {
        return messages;
    }

    @Override
    public TaskRepository tasks() {
        return tasks;
    }

    @Override
    public TurnLeases leases() {
        return leases;
    }

    @Override
    public ToolCallAudit toolCalls() {
        return toolCalls;
    }

    @Override
    public boolean isAvailable() {
        return database.isAvailable();
    }

    @Override
    public void close() {
        try {
            beforeClose.run();
        } finally {
            database.close();
        }
    }
}
