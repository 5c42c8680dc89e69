package io.confab.application;

import static io.confab.application.testing.ConfabHarness.newUser;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.confab.application.testing.ConfabHarness;
import io.confab.application.usecase.EraseAccountUseCase;
import io.confab.application.usecase.ExportConversationUseCase.Export;
import io.confab.application.usecase.ImportConversationUseCase;
import io.confab.application.usecase.ImportConversationUseCase.ImportedMessage;
import io.confab.domain.Conversation;
import io.confab.domain.ConversationStatus;
import io.confab.domain.FieldError;
import io.confab.domain.Message;
import io.confab.domain.MessageStatus;
import io.confab.domain.Role;
import io.confab.domain.TokenUsage;
import io.confab.domain.UserId;
import io.confab.domain.ValidationException;
import io.confab.domain.json.JsonValue;
import io.confab.domain.port.ConversationQuery;
import io.confab.domain.port.TaskFilter;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Export, import and erase through the facade, on the in-memory ports. */
class PortabilityUseCasesTest {

    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

    private final ConfabHarness harness = new ConfabHarness();
    private final Confab confab = harness.confab;
    private final UserId alice = newUser();
    private final UserId bob = newUser();

    @AfterEach
    void close() {
        harness.close();
    }

    @Test
    void export_readsEveryMessageOldestFirst_acrossManyPages_onlyForTheOwner() {
        Conversation conversation = harness.newConversation(alice);
        List<Message> sent = harness.appendTurns(conversation, 250);

        Export export = confab.exportConversation().export(alice, conversation.id()).orElseThrow();

        assertThat(export.messages()).isEqualTo(sent);
        assertThat(export.conversation().messageCount()).isEqualTo(500);
        assertThat(confab.exportConversation().export(bob, conversation.id())).isEmpty();
    }

    @Test
    void import_ofAnExport_makesANewConversationOfTheCaller_withTheMessagesInOrder_andCounted() {
        Conversation original = harness.newConversation(alice);
        harness.appendTurns(original, 3);
        Export export = confab.exportConversation().export(alice, original.id()).orElseThrow();

        Conversation imported = confab.importConversation().importConversation(bob, command(export));

        assertThat(imported.id()).isNotEqualTo(original.id());
        assertThat(imported.owner()).isEqualTo(bob);
        assertThat(imported.messageCount()).isEqualTo(6);
        assertThat(imported.tokensUsed()).isEqualTo(export.conversation().tokensUsed());
        List<Message> copied = harness.stored(bob, imported.id());
        assertThat(copied).extracting(Message::content).isEqualTo(export.messages().stream().map(Message::content).toList());
        assertThat(copied).extracting(Message::createdAt).isEqualTo(export.messages().stream().map(Message::createdAt).toList());
        assertThat(copied.get(1).toolCalls()).isEqualTo(export.messages().get(1).toolCalls());
        assertThat(copied.get(1).inReplyTo()).contains(copied.get(0).id());
        assertThat(copied).extracting(Message::id).doesNotContainAnyElementsOf(
                export.messages().stream().map(Message::id).toList());
        assertThat(confab.getConversation().get(alice, imported.id())).isEmpty();
    }

    @Test
    void import_breakingRules_namesEveryField_andStoresNothing() {
        ImportConversationUseCase.Command command = new ImportConversationUseCase.Command("t", ConversationStatus.ACTIVE,
                Map.of(), T0, T0, List.of(
                        imported(Role.USER, "x".repeat(Message.MAX_USER_CONTENT + 1), T0.plusSeconds(5)),
                        imported(Role.ASSISTANT, "ok", T0.plusSeconds(1)),
                        imported(Role.USER, "  ", T0.plusSeconds(6))));

        assertThatThrownBy(() -> confab.importConversation().importConversation(alice, command))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors()).extracting(FieldError::field)
                        .containsExactly("messages[0].content", "messages[1].created_at", "messages[2].content"));
        assertThat(confab.listConversations().list(alice, ConversationQuery.firstPage()).total()).isZero();
    }

    @Test
    void erase_removesEveryConversationMessageAndTaskOfTheUser_onlyTheirs_andAgainIsNothing() {
        Conversation kept = harness.newConversation(bob);
        harness.appendTurns(kept, 1);
        harness.ports.tasks().add(bob, "bob's", "", T0);
        Conversation live = harness.newConversation(alice);
        harness.appendTurns(live, 2);
        confab.deleteConversation().delete(alice, harness.newConversation(alice).id());
        harness.ports.tasks().add(alice, "milk", "", T0);

        assertThat(confab.eraseAccount().erase(alice)).isEqualTo(new EraseAccountUseCase.Erased(2, 1));

        assertThat(confab.listConversations().list(alice, ConversationQuery.firstPage()).total()).isZero();
        assertThat(confab.listMessages().list(alice, live.id(), Optional.empty(), 50)).isEmpty();
        assertThat(confab.listTasks().list(alice, TaskFilter.ALL)).isEmpty();
        assertThat(harness.stored(bob, kept.id())).hasSize(2);
        assertThat(confab.listTasks().list(bob, TaskFilter.ALL)).hasSize(1);
        assertThat(confab.eraseAccount().erase(alice)).isEqualTo(new EraseAccountUseCase.Erased(0, 0));
    }

    private static ImportConversationUseCase.Command command(Export export) {
        Conversation c = export.conversation();
        return new ImportConversationUseCase.Command(c.title(), c.status(), c.metadata(), c.createdAt(), c.updatedAt(),
                export.messages().stream().map(m -> new ImportedMessage(m.role(), m.content(), m.status(), m.toolCalls(),
                        m.model(), m.usage(), m.metadata(), m.createdAt(), m.feedback())).toList());
    }

    private static ImportedMessage imported(Role role, String content, Instant at) {
        return new ImportedMessage(role, content, MessageStatus.COMPLETE, List.of(), Optional.empty(), TokenUsage.NONE,
                JsonValue.Obj.empty(), at, Optional.empty());
    }
}
