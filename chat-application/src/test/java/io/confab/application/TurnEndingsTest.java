package io.confab.application;

import static io.confab.application.testing.ConfabHarness.command;
import static io.confab.application.testing.ConfabHarness.newUser;
import static io.confab.application.testing.ConfabHarness.types;
import static org.assertj.core.api.Assertions.assertThat;

import io.confab.application.usecase.CancelTurnUseCase.CancelOutcome;
import io.confab.application.usecase.TurnFailure;
import io.confab.application.usecase.TurnOutcome;
import io.confab.domain.Message;
import io.confab.domain.MessageStatus;
import io.confab.domain.event.TurnEvent;
import io.confab.domain.model.ChatModelException;
import io.confab.testkit.EventRecorder;
import io.confab.testkit.ScriptedChatModel.Reply;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** How turns end when they do not complete: cancelled, failed by the model, or cut by shutdown. */
class TurnEndingsTest extends OneConversationTest {

    @Test
    void deletingTheConversationWhileItsTurnRuns_endsTheTurnWithConversationDeleted() {
        CompletableFuture<Void> release = new CompletableFuture<>();
        harness.model.then(Reply.text("Half").thenHoldUntil(release, " done"));
        EventRecorder<TurnEvent> events = new EventRecorder<>();
        harness.confab.sendMessage().start(command(alice, conversation.id(), "hi", null), events::accept);
        events.awaitMatching(event -> event instanceof TurnEvent.Chunk);

        harness.confab.deleteConversation().delete(alice, conversation.id());
        release.complete(null);

        assertThat(events.awaitMatching(TurnEvent::isTerminal).getLast()).isInstanceOfSatisfying(TurnEvent.Failed.class,
                failed -> assertThat(failed.code()).isEqualTo("conversation_deleted"));
    }

    @Test
    void cancellingARunningTurn_storesWhatWasSaidAsInterrupted_andEndsWithCancelled() throws Exception {
        CountDownLatch streaming = new CountDownLatch(1);
        harness.model.then(Reply.text("Let me ", "think").thenHangUntilCancelled(streaming));
        EventRecorder<TurnEvent> events = new EventRecorder<>();
        harness.confab.sendMessage().start(command(alice, conversation.id(), "ponder this", null), events::accept);
        assertThat(streaming.await(10, TimeUnit.SECONDS)).isTrue();

        assertThat(harness.confab.cancelTurn().cancel(alice, conversation.id())).isEqualTo(CancelOutcome.CANCELLED);

        List<TurnEvent> seen = events.awaitMatching(TurnEvent::isTerminal);
        assertThat(types(seen)).containsExactly("message_created", "agent_thinking", "chunk", "chunk", "cancelled");
        Message stored = harness.stored(alice, conversation.id()).get(1);
        assertThat(stored.status()).isEqualTo(MessageStatus.INTERRUPTED);
        assertThat(stored.content()).isEqualTo("Let me think");
        assertThat(((TurnEvent.Cancelled) seen.get(4)).message()).isEqualTo(stored);
    }

    @Test
    void aBlockingSend_thatIsCancelled_returnsCancelled() throws Exception {
        CountDownLatch streaming = new CountDownLatch(1);
        harness.model.then(Reply.text("partial").thenHangUntilCancelled(streaming));
        Thread canceller = Thread.ofVirtual().start(() -> {
            try {
                streaming.await(10, TimeUnit.SECONDS);
                harness.confab.cancelTurn().cancel(alice, conversation.id());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });

        TurnOutcome outcome = harness.send(alice, conversation.id(), "ponder this");

        canceller.join();
        assertThat(outcome).isInstanceOfSatisfying(TurnOutcome.Cancelled.class,
                cancelled -> assertThat(cancelled.assistantMessage().content()).isEqualTo("partial"));
    }

    @Test
    void cancel_withoutARunningTurn_saysSo() {
        assertThat(harness.confab.cancelTurn().cancel(alice, conversation.id())).isEqualTo(CancelOutcome.NO_RUNNING_TURN);
    }

    @Test
    void aModelFailureMidStream_storesTheUserMessageAndAFailedReply_andEndsWithError() {
        harness.model.then(Reply.text("Half an ans").thenFail(ChatModelException.Kind.UNAVAILABLE, "The model provider is down"));
        EventRecorder<TurnEvent> events = new EventRecorder<>();

        harness.confab.sendMessage().start(command(alice, conversation.id(), "hello?", null), events::accept);
        List<TurnEvent> seen = events.awaitMatching(TurnEvent::isTerminal);

        assertThat(types(seen)).containsExactly("message_created", "agent_thinking", "chunk", "error");
        TurnEvent.Failed error = (TurnEvent.Failed) seen.get(3);
        assertThat(error.code()).isEqualTo("model_unavailable");
        assertThat(error.message()).isEqualTo("The model provider is down");
        List<Message> stored = harness.stored(alice, conversation.id());
        assertThat(stored).extracting(Message::content).containsExactly("hello?", "Half an ans");
        assertThat(stored.get(1).status()).isEqualTo(MessageStatus.FAILED);
    }

    @ParameterizedTest
    @CsvSource({"UNAVAILABLE, MODEL_UNAVAILABLE", "TIMEOUT, MODEL_TIMEOUT", "MISCONFIGURED, MODEL_MISCONFIGURED"})
    void eachKindOfModelFailure_mapsToItsTurnFailure(ChatModelException.Kind kind, TurnFailure expected) {
        harness.model.then(Reply.text().thenFail(kind, "no"));

        TurnOutcome outcome = harness.send(alice, conversation.id(), "hello?");

        assertThat(outcome).isInstanceOfSatisfying(TurnOutcome.Failed.class,
                failed -> assertThat(failed.failure()).isEqualTo(expected));
    }

    @Test
    void shutdown_cancelsTurnsStillRunningAfterTheGrace_andStoresThemAsInterrupted() throws Exception {
        CountDownLatch streaming = new CountDownLatch(1);
        harness.model.then(Reply.text("working").thenHangUntilCancelled(streaming));
        EventRecorder<TurnEvent> events = new EventRecorder<>();
        harness.confab.sendMessage().start(command(alice, conversation.id(), "long job", null), events::accept);
        assertThat(streaming.await(10, TimeUnit.SECONDS)).isTrue();

        boolean ended = harness.confab.shutdown(Duration.ofMillis(50));

        assertThat(ended).isTrue();
        assertThat(types(events.events())).last().isEqualTo("cancelled");
        assertThat(harness.stored(alice, conversation.id()).get(1).status()).isEqualTo(MessageStatus.INTERRUPTED);
        assertThat(harness.confab.runningTurns()).isZero();
    }
}
