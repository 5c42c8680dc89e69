package io.confab.application;

import io.confab.domain.port.ConversationRepository;
import io.confab.domain.port.MessageRepository;
import io.confab.domain.port.TaskRepository;
import io.confab.domain.port.ToolCallAudit;
import io.confab.domain.port.TurnLeases;

/**
 * The store ports as one group: the repositories of one open, migrated database, which a storage
 * adapter (in its own module) hands to {@link ConfabBuilder#stores}. Every operation that cannot
 * reach the database throws {@link io.confab.domain.port.StoreUnavailableException} and has written
 * nothing.
 */
public interface Stores extends AutoCloseable {

    ConversationRepository conversations();

    MessageRepository messages();

    TaskRepository tasks();

    /** The tool-call audit (SPEC §17). */
    ToolCallAudit toolCalls();

    /** The leases of running turns, shared by every instance on this database. */
    TurnLeases leases();

    /** The readiness check: a pooled connection answers within a second. */
    boolean isAvailable();

    /** Closes the connection pool; the repositories are unusable afterwards. */
    @Override
    void close();
}
