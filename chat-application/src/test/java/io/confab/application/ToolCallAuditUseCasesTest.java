package io.confab.application;

import static io.confab.application.testing.ConfabHarness.newUser;
import static org.assertj.core.api.Assertions.assertThat;

import io.confab.application.memory.InMemoryToolCallAudit;
import io.confab.application.testing.ConfabHarness;
import io.confab.application.testing.LogCapture;
import io.confab.application.tools.ToolCallRecorder;
import io.confab.application.usecase.TurnOutcome;
import io.confab.domain.Conversation;
import io.confab.domain.ToolCallStatus;
import io.confab.domain.UserId;
import io.confab.domain.audit.AuditedToolCall;
import io.confab.domain.audit.AuditedToolCallId;
import io.confab.domain.audit.AuditedToolCallPage;
import io.confab.domain.audit.ToolCallEntry;
import io.confab.domain.audit.ToolCallSource;
import io.confab.domain.port.TaskFilter;
import io.confab.domain.port.ToolCallAudit;
import io.confab.json.JsonValues;
import io.confab.testkit.ScriptedReplies;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The tool-call audit through the facade: a turn's calls are recorded, listed to their user only, erased with the account, and a failing audit store never breaks a turn. */
class ToolCallAuditUseCasesTest {

    private final UserId alice = newUser();
    private final UserId bob = newUser();
    private final List<Confab> started = new ArrayList<>();

    @AfterEach
    void close() {
        started.forEach(Confab::close);
    }

    @Test
    void aTurnsToolCall_isRecordedWithItsConversation_andListedToItsUserOnly() {
        Confab confab = confab(new InMemoryToolCallAudit(JsonValues::write));
        Conversation conversation = confab.createConversation().create(alice, "");

        send(confab, conversation, "add task buy milk");

        AuditedToolCallPage page = confab.listToolCalls().list(alice, Optional.empty(), 10);
        assertThat(page.items()).hasSize(1);
        AuditedToolCall call = page.items().getFirst();
        assertThat(call.source()).isEqualTo(ToolCallSource.TURN);
        assertThat(call.conversation()).contains(conversation.id());
        assertThat(call.tool()).isEqualTo("add_task");
        assertThat(call.arguments().toString()).contains("buy milk");
        assertThat(call.outcome()).isEqualTo(ToolCallStatus.OK);
        assertThat(call.result()).contains("\"title\":\"buy milk\"");
        assertThat(confab.listToolCalls().list(bob, Optional.empty(), 10).items()).isEmpty();
        assertThat(confab.listToolCalls().list(bob, Optional.of(call.id()), 10).items()).isEmpty();
    }

    @Test
    void erasingTheAccount_erasesItsAuditedCalls_onlyTheirs() {
        Confab confab = confab(new InMemoryToolCallAudit(JsonValues::write));
        send(confab, confab.createConversation().create(alice, ""), "add task buy milk");
        send(confab, confab.createConversation().create(bob, ""), "add task walk the dog");

        confab.eraseAccount().erase(alice);

        assertThat(confab.listToolCalls().list(alice, Optional.empty(), 10).items()).isEmpty();
        assertThat(confab.listToolCalls().list(bob, Optional.empty(), 10).items()).hasSize(1);
    }

    @Test
    void aFailingAuditStore_neverBreaksTheTurn_andIsLoggedAtWarning() {
        try (LogCapture log = LogCapture.of(ToolCallRecorder.class)) {
            Confab confab = confab(new BrokenAudit());
            Conversation conversation = confab.createConversation().create(alice, "");

            TurnOutcome outcome = send(confab, conversation, "add task buy milk");

            assertThat(outcome).isInstanceOf(TurnOutcome.Completed.class);
            assertThat(confab.listTasks().list(alice, TaskFilter.ALL)).hasSize(1);
            assertThat(log.at(Level.WARNING)).singleElement()
                    .satisfies(line -> assertThat(line.text()).contains("add_task", "not audited", "database down"));
        }
    }

    private Confab confab(ToolCallAudit audit) {
        Confab confab = Confab.builder().model(ScriptedReplies.model()).toolCallAudit(audit).build();
        started.add(confab);
        return confab;
    }

    private static TurnOutcome send(Confab confab, Conversation conversation, String text) {
        return confab.sendMessage().send(ConfabHarness.command(conversation.owner(), conversation.id(), text, null));
    }

    /** An audit store whose database is down. */
    private static final class BrokenAudit implements ToolCallAudit {

        @Override
        public void record(ToolCallEntry call) {
            throw new IllegalStateException("database down");
        }

        @Override
        public AuditedToolCallPage list(UserId owner, Optional<AuditedToolCallId> before, int limit) {
            throw new IllegalStateException("database down");
        }

        @Override
        public long eraseOwner(UserId owner) {
            throw new IllegalStateException("database down");
        }
    }
}
