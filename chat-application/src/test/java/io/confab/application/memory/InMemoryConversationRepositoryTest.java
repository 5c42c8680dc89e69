package io.confab.application.memory;

import io.confab.domain.port.ConversationRepository;
import io.confab.testkit.contract.ConversationRepositoryContract;

/** The in-memory conversation store passes the shared contract. */
class InMemoryConversationRepositoryTest extends ConversationRepositoryContract {

    @Override
    protected ConversationRepository conversationRepository() {
        return new InMemoryConversationRepository();
    }
}
