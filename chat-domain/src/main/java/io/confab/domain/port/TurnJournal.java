package io.confab.domain.port;

import io.confab.domain.Message;
import io.confab.domain.TurnId;
import io.confab.domain.UserId;

/**
 * The writes that open and close a turn, each with the turn's lease: claiming the conversation and
 * storing the user message, then storing the reply and letting the conversation go. A database
 * holding both messages and leases does each as one statement; elsewhere they follow one another
 * ({@link MessageRepository#journal}).
 */
public interface TurnJournal {

    /**
     * Claims the conversation with {@code lease} and stores {@code userMessage} (as
     * {@link MessageRepository#append}); it answers {@link TurnOpening.Started} only when both
     * happened, and leaves no lease of its own held otherwise, nor when it throws.
     */
    TurnOpening start(UserId owner, Message userMessage, TurnLease lease);

    /**
     * Stores {@code reply} (as {@link MessageRepository#append}) and ends the lease of {@code turn}
     * (none held, as when another instance took it over, is fine). A lease it could not end is left
     * to expire, which is harmless; when it throws, the reply may be unstored and the lease is left
     * as it was.
     */
    AppendResult finish(UserId owner, Message reply, TurnId turn);
}
