package io.confab.application.memory;

import io.confab.domain.port.ConversationRepository;
import io.confab.domain.port.MessageRepository;
import io.confab.domain.port.TurnLeases;
import io.confab.testkit.contract.TurnJournalContract;

/** The in-memory message store's journal over in-memory leases passes the shared contract. */
class InMemoryTurnJournalTest extends TurnJournalContract {

    private final InMemoryConversationRepository conversations = new InMemoryConversationRepository();

    @Override
    protected ConversationRepository conversationRepository() {
        return conversations;
    }

    @Override
    protected MessageRepository messageRepository() {
        return new InMemoryMessageRepository(conversations);
    }

    @Override
    protected TurnLeases turnLeases() {
        return new InMemoryTurnLeases();
    }
}
