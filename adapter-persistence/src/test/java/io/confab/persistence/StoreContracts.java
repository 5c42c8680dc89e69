package io.confab.persistence;

import io.confab.domain.port.ConversationRepository;
import io.confab.domain.port.MessageRepository;
import io.confab.domain.port.TaskRepository;
import io.confab.domain.port.ToolCallAudit;
import io.confab.domain.port.TurnLeases;
import io.confab.testkit.contract.ConversationRepositoryContract;
import io.confab.testkit.contract.MessageRepositoryContract;
import io.confab.testkit.contract.MessageSearchContract;
import io.confab.testkit.contract.TaskRepositoryContract;
import io.confab.testkit.contract.ToolCallAuditContract;
import io.confab.testkit.contract.TurnJournalContract;
import io.confab.testkit.contract.TurnLeasesContract;
import org.junit.jupiter.api.Nested;

/**
 * The shared repository contracts as nested suites over one backend's stores; a subclass per
 * backend registers its {@link StoresExtension} (one fresh database for the three) and hands it here.
 */
abstract class StoreContracts {

    abstract StoresExtension stores();

    @Nested
    class Conversations extends ConversationRepositoryContract {
        @Override
        protected ConversationRepository conversationRepository() {
            return stores().stores().conversations();
        }

        @Override
        protected MessageRepository messageRepository() {
            return stores().stores().messages();
        }
    }

    @Nested
    class Messages extends MessageRepositoryContract {
        @Override
        protected ConversationRepository conversationRepository() {
            return stores().stores().conversations();
        }

        @Override
        protected MessageRepository messageRepository() {
            return stores().stores().messages();
        }
    }

    @Nested
    class Search extends MessageSearchContract {
        @Override
        protected ConversationRepository conversationRepository() {
            return stores().stores().conversations();
        }

        @Override
        protected MessageRepository messageRepository() {
            return stores().stores().messages();
        }
    }

    @Nested
    class Tasks extends TaskRepositoryContract {
        @Override
        protected TaskRepository taskRepository() {
            return stores().stores().tasks();
        }
    }

    @Nested
    class Leases extends TurnLeasesContract {
        @Override
        protected TurnLeases turnLeases() {
            return stores().stores().leases();
        }
    }

    @Nested
    class Journal extends TurnJournalContract {
        @Override
        protected ConversationRepository conversationRepository() {
            return stores().stores().conversations();
        }

        @Override
        protected MessageRepository messageRepository() {
            return stores().stores().messages();
        }

        @Override
        protected TurnLeases turnLeases() {
            return stores().stores().leases();
        }
    }

    @Nested
    class ToolCalls extends ToolCallAuditContract {
        @Override
        protected ToolCallAudit toolCallAudit() {
            return stores().stores().toolCalls();
        }
    }
}
