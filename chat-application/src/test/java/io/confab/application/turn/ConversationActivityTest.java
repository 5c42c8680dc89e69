package io.confab.application.turn;

import static org.assertj.core.api.Assertions.assertThat;

import io.confab.application.Confab;
import io.confab.application.ConfabPorts;
import io.confab.application.testing.ConfabHarness;
import io.confab.application.usecase.TurnOutcome;
import io.confab.domain.Conversation;
import io.confab.domain.ConversationId;
import io.confab.domain.ConversationSettings;
import io.confab.domain.Message;
import io.confab.domain.MessageId;
import io.confab.domain.MessageStatus;
import io.confab.domain.TokenUsage;
import io.confab.domain.UserId;
import io.confab.domain.event.ChatEvent;
import io.confab.domain.event.ConversationEvent;
import io.confab.testkit.EventRecorder;
import io.confab.testkit.ScriptedChatModel;
import io.confab.testkit.TestClock;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** After a turn, the owner hears of the conversation as storing the reply left it, read again only when it was not stored. */
class ConversationActivityTest {

    private final TestClock clock = new TestClock();
    private final ConfabPorts ports = Confab.inMemoryPorts(new ScriptedChatModel(), clock, 100);
    private final UserId alice = ConfabHarness.newUser();
    private final Conversation stored = Conversation.start(new ConversationId(ports.ids().next()), alice, "Lisbon",
            clock.instant());
    private final EventRecorder<ChatEvent> notifications = new EventRecorder<>();

    @BeforeEach
    void storeAndSubscribe() {
        ports.conversations().insert(stored);
        ports.eventBus().subscribeUser(alice, notifications);
    }

    @Test
    void givenTheConversationAsTheReplyLeftIt_notifiesTheOwnerOfIt_withoutReadingItAgain() {
        Conversation afterReply = new Conversation(stored.id(), alice, "Lisbon", stored.status(), stored.metadata(),
                stored.externalId(), ConversationSettings.DEFAULTS, stored.createdAt(), clock.instant().plusSeconds(5), Optional.empty(), 2, 42);

        activity().afterTurn(alice, completed(), Optional.of(afterReply));

        assertThat(notified()).containsExactly(afterReply);
    }

    @Test
    void whenTheReplyWasNotStored_readsTheConversation_andNotifiesTheOwnerOfIt() {
        activity().afterTurn(alice, completed(), Optional.empty());

        assertThat(notified()).containsExactly(stored);
    }

    private TurnOutcome.Completed completed() {
        Message question = Message.fromUser(new MessageId(ports.ids().next()), stored.id(), "Plan a trip",
                Optional.empty(), clock.instant());
        Message answer = Message.fromAssistant(new MessageId(ports.ids().next()), stored.id(), question.id(), "Sure.",
                MessageStatus.COMPLETE, List.of(), "scripted-model", new TokenUsage(30, 12), clock.instant());
        return new TurnOutcome.Completed(question, answer);
    }

    private List<Conversation> notified() {
        return notifications.events().stream()
                .map(event -> ((ConversationEvent.Updated) event).conversation())
                .toList();
    }

    private ConversationActivity activity() {
        return new ConversationActivity(ports.conversations(), ports.model(), ports.eventBus(), ports.clock());
    }
}
