package io.confab.application;

import static io.confab.application.testing.ConfabHarness.command;
import static io.confab.application.testing.ConfabHarness.newUser;
import static io.confab.application.testing.ConfabHarness.types;
import static org.assertj.core.api.Assertions.assertThat;

import io.confab.application.testing.ConfabHarness;
import io.confab.application.usecase.CancelTurnUseCase.CancelOutcome;
import io.confab.domain.Conversation;
import io.confab.domain.Message;
import io.confab.domain.MessageStatus;
import io.confab.domain.UserId;
import io.confab.domain.event.ChatEvent;
import io.confab.domain.event.TurnCancelRequested;
import io.confab.domain.event.TurnEvent;
import io.confab.testkit.EventRecorder;
import io.confab.testkit.ScriptedChatModel.Reply;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A cancel that reaches another instance than the one running the turn (shared store, bus and log). */
class CancelAcrossInstancesTest {

    private final ConfabHarness harness = new ConfabHarness();
    private final Confab instanceB = harness.anotherInstance();
    private final UserId alice = newUser();
    private final Conversation conversation = harness.newConversation(alice);

    @AfterEach
    void close() {
        instanceB.close();
        harness.close();
    }

    @Test
    void cancelOnAnotherInstance_stopsTheTurn_storesItInterrupted_andEndsWithCancelled() throws Exception {
        CountDownLatch streaming = new CountDownLatch(1);
        harness.model.then(Reply.text("Let me ", "think").thenHangUntilCancelled(streaming));
        EventRecorder<TurnEvent> events = new EventRecorder<>();
        harness.confab.sendMessage().start(command(alice, conversation.id(), "ponder this", null), events::accept);
        assertThat(streaming.await(10, TimeUnit.SECONDS)).isTrue();

        assertThat(instanceB.cancelTurn().cancel(alice, conversation.id())).isEqualTo(CancelOutcome.CANCELLED);

        List<TurnEvent> seen = events.awaitMatching(TurnEvent::isTerminal);
        assertThat(types(seen)).last().isEqualTo("cancelled");
        Message stored = harness.stored(alice, conversation.id()).get(1);
        assertThat(stored.status()).isEqualTo(MessageStatus.INTERRUPTED);
        assertThat(stored.content()).isEqualTo("Let me think");
    }

    @Test
    void cancelOnAnotherInstance_afterTheTurnEnded_findsNoRunningTurn_andPublishesNothing() {
        harness.send(alice, conversation.id(), "hi");
        EventRecorder<ChatEvent> onBus = new EventRecorder<>();
        harness.ports.eventBus().subscribeConversation(conversation.id(), onBus::accept);

        assertThat(instanceB.cancelTurn().cancel(alice, conversation.id())).isEqualTo(CancelOutcome.NO_RUNNING_TURN);
        assertThat(onBus.events()).noneMatch(TurnCancelRequested.class::isInstance);
    }

    @Test
    void cancelOnAnotherInstance_ofAnotherUsersConversation_isNotFound() {
        assertThat(instanceB.cancelTurn().cancel(newUser(), conversation.id())).isEqualTo(CancelOutcome.NOT_FOUND);
    }
}
