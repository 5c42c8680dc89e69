package io.confab.application.memory;

import io.confab.domain.port.ConversationRepository;
import io.confab.domain.port.MessageRepository;
import io.confab.testkit.contract.MessageSearchContract;

/** The in-memory message store's search passes the shared contract. */
class InMemoryMessageSearchTest extends MessageSearchContract {

    private InMemoryConversationRepository conversations;

    @Override
    protected ConversationRepository conversationRepository() {
        conversations = new InMemoryConversationRepository();
        return conversations;
    }

    @Override
    protected MessageRepository messageRepository() {
        return new InMemoryMessageRepository(conversations);
    }
}
