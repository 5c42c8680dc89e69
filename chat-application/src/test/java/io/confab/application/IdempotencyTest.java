package io.confab.application;

import static io.confab.application.testing.ConfabHarness.command;
import static io.confab.application.testing.ConfabHarness.newUser;
import static io.confab.application.testing.ConfabHarness.types;
import static org.assertj.core.api.Assertions.assertThat;

import io.confab.application.testing.ConfabHarness;
import io.confab.application.usecase.TurnOutcome;
import io.confab.application.usecase.TurnStart;
import io.confab.domain.Conversation;
import io.confab.domain.event.TurnEvent;
import io.confab.domain.model.ChatModelException;
import io.confab.domain.port.TaskFilter;
import io.confab.testkit.EventRecorder;
import io.confab.testkit.ScriptedChatModel.Reply;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A repeated client_message_id answers with the first turn and writes nothing new. */
class IdempotencyTest extends OneConversationTest {

    @Test
    void aRetriedMessage_returnsTheFirstResult_andWritesNothingTwice() {
        harness.model.then(Reply.toolCall("c1", "add_task", io.confab.domain.json.JsonValue.object(
                "title", io.confab.domain.json.JsonValue.of("milk")))).then(Reply.text("Added."));
        TurnOutcome first = harness.confab.sendMessage().send(command(alice, conversation.id(), "add milk", "key-1"));

        TurnOutcome retry = harness.confab.sendMessage().send(command(alice, conversation.id(), "add milk", "key-1"));

        assertThat(retry).isEqualTo(first);
        assertThat(harness.stored(alice, conversation.id())).hasSize(2);
        assertThat(harness.confab.listTasks().list(alice, TaskFilter.ALL)).hasSize(1);
        assertThat(harness.model.requests()).hasSize(2);
        assertThat(harness.confab.getConversation().get(alice, conversation.id()).orElseThrow().messageCount()).isEqualTo(2);
    }

    @Test
    void aRetryOfAFailedTurn_returnsTheSameFailure() {
        harness.model.then(Reply.text().thenFail(ChatModelException.Kind.TIMEOUT, "too slow"));
        TurnOutcome first = harness.confab.sendMessage().send(command(alice, conversation.id(), "hello", "key-2"));

        TurnOutcome retry = harness.confab.sendMessage().send(command(alice, conversation.id(), "hello", "key-2"));

        assertThat(retry).isEqualTo(first);
        assertThat(harness.stored(alice, conversation.id())).hasSize(2);
    }

    @Test
    void aRetryWhileTheFirstTurnRuns_waitsForIt_andGetsTheSameResult() throws Exception {
        CountDownLatch streaming = new CountDownLatch(1);
        harness.model.then(Reply.text("slow").thenHangUntilCancelled(streaming));
        CompletableFuture<TurnOutcome> first = CompletableFuture.supplyAsync(() ->
                harness.confab.sendMessage().send(command(alice, conversation.id(), "hello", "key-3")));
        assertThat(streaming.await(10, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<TurnOutcome> retry = CompletableFuture.supplyAsync(() ->
                harness.confab.sendMessage().send(command(alice, conversation.id(), "hello", "key-3")));

        harness.confab.cancelTurn().cancel(alice, conversation.id());

        assertThat(retry.get(10, TimeUnit.SECONDS)).isEqualTo(first.get(10, TimeUnit.SECONDS));
        assertThat(harness.stored(alice, conversation.id())).hasSize(2);
    }

    @Test
    void aStreamedRetry_replaysTheFirstTurnsEvents() {
        harness.model.then(Reply.text("Hi ", "there"));
        EventRecorder<TurnEvent> firstEvents = new EventRecorder<>();
        TurnStart first = harness.confab.sendMessage()
                .start(command(alice, conversation.id(), "hello", "key-4"), firstEvents::accept);
        firstEvents.awaitMatching(TurnEvent::isTerminal);
        EventRecorder<TurnEvent> retryEvents = new EventRecorder<>();

        TurnStart retry = harness.confab.sendMessage()
                .start(command(alice, conversation.id(), "hello", "key-4"), retryEvents::accept);

        assertThat(retry).isEqualTo(first);
        assertThat(retryEvents.awaitMatching(TurnEvent::isTerminal)).isEqualTo(firstEvents.events());
        assertThat(types(retryEvents.events())).last().isEqualTo("complete");
        assertThat(harness.stored(alice, conversation.id())).hasSize(2);
    }

    @Test
    void aRetriedMessage_isNotRateLimited() {
        try (ConfabHarness strict = new ConfabHarness(new io.confab.testkit.ScriptedChatModel(),
                ConfabSettings.defaults(), 1)) {
            Conversation chat = strict.newConversation(alice);
            TurnOutcome first = strict.confab.sendMessage().send(command(alice, chat.id(), "hello", "key-5"));

            TurnOutcome retry = strict.confab.sendMessage().send(command(alice, chat.id(), "hello", "key-5"));

            assertThat(retry).isEqualTo(first);
        }
    }
}
