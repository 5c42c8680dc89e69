package io.confab.application.memory;

import io.confab.application.contract.ConversationRepositoryContract;
import io.confab.domain.port.ConversationRepository;

/** The in-memory conversation store passes the shared contract. */
class InMemoryConversationRepositoryTest extends ConversationRepositoryContract {

    @Override
    protected ConversationRepository conversationRepository() {
        return new InMemoryConversationRepository();
    }
}
