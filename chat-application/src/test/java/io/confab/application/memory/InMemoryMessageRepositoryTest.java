package io.confab.application.memory;

import io.confab.domain.port.ConversationRepository;
import io.confab.domain.port.MessageRepository;
import io.confab.testkit.contract.MessageRepositoryContract;

/** The in-memory message store passes the shared contract. */
class InMemoryMessageRepositoryTest extends MessageRepositoryContract {

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
