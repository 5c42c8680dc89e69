package io.confab.application.memory;

import io.confab.domain.port.ConversationRepository;
import io.confab.domain.port.MessageRepository;
import io.confab.testkit.contract.ConversationRepositoryContract;

/** The in-memory conversation store passes the shared contract. */
class InMemoryConversationRepositoryTest extends ConversationRepositoryContract {

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
