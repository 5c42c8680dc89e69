package io.confab.domain.port;

import io.confab.domain.Message;
import io.confab.domain.TurnId;
import io.confab.domain.UserId;

/**
 * The work that opens and closes a turn, each with the turn's lease: reading the history the model
 * is given, claiming the conversation and storing the user message, then storing the reply and
 * letting the conversation go. A database holding both messages and leases does each in one round
 * trip; elsewhere they follow one another ({@link MessageRepository#journal}).
 */
public interface TurnJournal {

    /**
     * Reads the conversation's newest {@code historyLimit} messages (as {@link MessageRepository#latest}),
     * then claims the conversation with {@code lease} and stores {@code userMessage} (as
     * {@link MessageRepository#append}); it answers {@link TurnOpening.Started}, with the history
     * read before the user message was stored, only when all three happened, and leaves no lease
     * of its own held otherwise, nor when it throws.
     */
    TurnOpening start(UserId owner, Message userMessage, TurnLease lease, int historyLimit);

    /**
     * Stores {@code reply} (as {@link MessageRepository#append}) and ends the lease of {@code turn}
     * (none held, as when another instance took it over, is fine). A lease it could not end is left
     * to expire, which is harmless; when it throws, the reply may be unstored and the lease is left
     * as it was.
     */
    AppendResult finish(UserId owner, Message reply, TurnId turn);
}
