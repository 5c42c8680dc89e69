package io.confab.persistence;

import io.confab.application.contract.ConversationRepositoryContract;
import io.confab.application.contract.MessageRepositoryContract;
import io.confab.application.contract.TaskRepositoryContract;
import io.confab.domain.port.ConversationRepository;
import io.confab.domain.port.MessageRepository;
import io.confab.domain.port.TaskRepository;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The JPA stores on PostgreSQL (tasks: the jOOQ store) pass the shared repository contracts (one fresh database for the three). */
class JpaOnPostgresContractTest {

    @RegisterExtension
    static final StoresExtension STORES = new StoresExtension(Backend.JPA_POSTGRES);

    @Nested
    class Conversations extends ConversationRepositoryContract {
        @Override
        protected ConversationRepository conversationRepository() {
            return STORES.stores().conversations();
        }
    }

    @Nested
    class Messages extends MessageRepositoryContract {
        @Override
        protected ConversationRepository conversationRepository() {
            return STORES.stores().conversations();
        }

        @Override
        protected MessageRepository messageRepository() {
            return STORES.stores().messages();
        }
    }

    @Nested
    class Tasks extends TaskRepositoryContract {
        @Override
        protected TaskRepository taskRepository() {
            return STORES.stores().tasks();
        }
    }
}
