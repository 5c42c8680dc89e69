package io.confab.application;

import static io.confab.application.testing.ConfabHarness.newUser;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.confab.application.testing.ConfabHarness;
import io.confab.application.usecase.CreateConversationUseCase.Creation;
import io.confab.application.usecase.CreateConversationUseCase.NewConversation;
import io.confab.application.usecase.UpdateConversationUseCase.ConversationChanges;
import io.confab.domain.Conversation;
import io.confab.domain.ConversationStatus;
import io.confab.domain.ExternalId;
import io.confab.domain.MessagePage;
import io.confab.domain.MessagePreview;
import io.confab.domain.Role;
import io.confab.domain.UserId;
import io.confab.domain.ValidationException;
import io.confab.domain.event.ChatEvent;
import io.confab.domain.port.ConversationQuery;
import io.confab.testkit.EventRecorder;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Conversation CRUD and history paging through the facade, with the owner's notifications. */
class ConversationUseCasesTest {

    private final ConfabHarness harness = new ConfabHarness();
    private final Confab confab = harness.confab;
    private final UserId alice = newUser();
    private final EventRecorder<ChatEvent> notifications = new EventRecorder<>();

    ConversationUseCasesTest() {
        harness.ports.eventBus().subscribeUser(alice, notifications);
    }

    @AfterEach
    void close() {
        harness.close();
    }

    @Test
    void create_storesAnActiveConversation_andNotifiesTheOwner() {
        Conversation created = confab.createConversation().create(alice, "  Groceries ");

        assertThat(created.title()).isEqualTo("Groceries");
        assertThat(created.status()).isEqualTo(ConversationStatus.ACTIVE);
        assertThat(confab.getConversation().get(alice, created.id())).contains(created);
        assertThat(notifications.awaitCount(1)).extracting(ChatEvent::type).containsExactly("conversation_created");
    }

    @Test
    void list_carriesEachConversationsNewestMessage_emptyForOneWithoutMessages() {
        Conversation quiet = confab.createConversation().create(alice, "Quiet");
        Conversation talked = confab.createConversation().create(alice, "Talked");
        harness.send(alice, talked.id(), "hello there");

        var items = confab.listConversations().list(alice, ConversationQuery.firstPage()).items();

        assertThat(items).extracting(item -> item.conversation().id()).containsExactly(talked.id(), quiet.id());
        MessagePreview last = items.getFirst().lastMessage().orElseThrow();
        assertThat(last.role()).isEqualTo(Role.ASSISTANT);
        assertThat(last.content()).isEqualTo("echo: hello there");
        assertThat(items.get(1).lastMessage()).isEmpty();
    }

    @Test
    void create_withATooLongTitle_isRejected() {
        assertThatThrownBy(() -> confab.createConversation().create(alice, "x".repeat(501)))
                .isInstanceOf(ValidationException.class);
    }

    @Test
    void create_withAnExternalIdAndMetadata_storesThem() {
        Creation creation = confab.createConversation().create(alice,
                new NewConversation("Ticket", Map.of("channel", "phone"), Optional.of(new ExternalId("call-7"))));

        assertThat(creation).isInstanceOf(Creation.Created.class);
        assertThat(creation.conversation().externalId()).contains(new ExternalId("call-7"));
        assertThat(creation.conversation().metadata()).containsEntry("channel", "phone");
    }

    @Test
    void create_withAnExternalIdTheCallerUses_answersTheExistingConversation_andNotifiesNobody() {
        NewConversation request = new NewConversation("Ticket", Map.of(), Optional.of(new ExternalId("call-7")));
        Conversation first = confab.createConversation().create(alice, request).conversation();

        Creation again = confab.createConversation().create(alice,
                new NewConversation("Other title", Map.of("x", "y"), Optional.of(new ExternalId("call-7"))));

        assertThat(again).isEqualTo(new Creation.Existing(first));
        assertThat(notifications.awaitCount(1)).extracting(ChatEvent::type).containsExactly("conversation_created");
        assertThat(confab.listConversations().list(alice, ConversationQuery.firstPage()).total()).isEqualTo(1);
    }

    @Test
    void update_changesOnlyWhatIsGiven_andNotifiesTheOwner() {
        Conversation created = confab.createConversation().create(alice, "Draft");

        Conversation updated = confab.updateConversation().update(alice, created.id(), new ConversationChanges(
                Optional.empty(), Optional.of(ConversationStatus.ARCHIVED), Optional.of(Map.of("pinned", "yes")),
                Optional.empty(), Optional.empty(), Optional.empty())).orElseThrow();

        assertThat(updated.title()).isEqualTo("Draft");
        assertThat(updated.status()).isEqualTo(ConversationStatus.ARCHIVED);
        assertThat(updated.metadata()).containsEntry("pinned", "yes");
        assertThat(notifications.awaitCount(2)).extracting(ChatEvent::type)
                .containsExactly("conversation_created", "conversation_updated");
    }

    @Test
    void delete_hidesTheConversationEverywhere_andNotifiesTheOwner() {
        Conversation created = confab.createConversation().create(alice, "Doomed");

        assertThat(confab.deleteConversation().delete(alice, created.id())).isTrue();

        assertThat(confab.getConversation().get(alice, created.id())).isEmpty();
        assertThat(confab.listConversations().list(alice, ConversationQuery.firstPage()).items()).isEmpty();
        assertThat(confab.listMessages().list(alice, created.id(), Optional.empty(), 50)).isEmpty();
        assertThat(harness.send(alice, created.id(), "hello?"))
                .isInstanceOf(io.confab.application.usecase.TurnOutcome.NotFound.class);
        assertThat(confab.deleteConversation().delete(alice, created.id())).isFalse();
        assertThat(notifications.awaitCount(2)).extracting(ChatEvent::type).last().isEqualTo("conversation_deleted");
    }

    @Test
    void listMessages_pagesBackwardsThroughHistory() {
        Conversation chat = confab.createConversation().create(alice, "");
        for (int i = 0; i < 3; i++) {
            harness.send(alice, chat.id(), "message " + i);
        }

        MessagePage newest = confab.listMessages().list(alice, chat.id(), Optional.empty(), 4).orElseThrow();
        MessagePage older = confab.listMessages().list(alice, chat.id(), Optional.of(newest.items().get(0).id()), 4)
                .orElseThrow();

        assertThat(newest.items()).extracting(m -> m.content())
                .containsExactly("message 1", "echo: message 1", "message 2", "echo: message 2");
        assertThat(newest.hasMore()).isTrue();
        assertThat(older.items()).extracting(m -> m.content()).containsExactly("message 0", "echo: message 0");
        assertThat(older.hasMore()).isFalse();
    }

    @Test
    void listMessages_withALimitOutOfRange_isRejected() {
        Conversation chat = confab.createConversation().create(alice, "");

        assertThatThrownBy(() -> confab.listMessages().list(alice, chat.id(), Optional.empty(), 0))
                .isInstanceOf(ValidationException.class);
    }
}
