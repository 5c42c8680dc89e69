package io.confab.application;

import static io.confab.application.testing.ConfabHarness.command;
import static io.confab.application.testing.ConfabHarness.newUser;
import static org.assertj.core.api.Assertions.assertThat;

import io.confab.application.usecase.TurnOutcome;
import io.confab.application.usecase.TurnStart;
import io.confab.domain.event.TurnEvent;
import io.confab.testkit.EventRecorder;
import io.confab.testkit.ScriptedChatModel.Reply;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** One running turn per conversation (SPEC §12), on one instance and across instances. */
class OneTurnAtATimeTest extends OneConversationTest {

    @Test
    void whileATurnRuns_anotherMessage_isRefusedWithTheRunningTurn_andNothingIsStored() throws Exception {
        CompletableFuture<Void> release = new CompletableFuture<>();
        harness.model.then(Reply.text("working").thenHoldUntil(release));
        EventRecorder<TurnEvent> first = new EventRecorder<>();
        TurnStart started = harness.confab.sendMessage().start(command(alice, conversation.id(), "first", "key-1"),
                first::accept);
        first.awaitMatching(event -> event instanceof TurnEvent.Chunk);

        TurnOutcome second = harness.send(alice, conversation.id(), "second");
        TurnStart streamed = harness.confab.sendMessage().start(command(alice, conversation.id(), "third", "key-3"),
                event -> { });

        TurnStart.Started running = (TurnStart.Started) started;
        assertThat(second).isEqualTo(new TurnOutcome.InProgress(running.turn()));
        assertThat(streamed).isEqualTo(new TurnStart.InProgress(running.turn()));
        assertThat(harness.stored(alice, conversation.id())).extracting(m -> m.content()).containsExactly("first");
        release.complete(null);
        first.awaitMatching(TurnEvent::isTerminal);
        assertThat(harness.send(alice, conversation.id(), "fourth")).isInstanceOf(TurnOutcome.Completed.class);
    }

    @Test
    void theSameClientMessageId_whileItsTurnRuns_followsThatTurn_insteadOfBeingRefused() {
        CompletableFuture<Void> release = new CompletableFuture<>();
        harness.model.then(Reply.text("working").thenHoldUntil(release, " done"));
        TurnStart first = harness.confab.sendMessage().start(command(alice, conversation.id(), "first", "key-1"),
                event -> { });
        EventRecorder<TurnEvent> retry = new EventRecorder<>();

        TurnStart again = harness.confab.sendMessage().start(command(alice, conversation.id(), "first", "key-1"),
                retry::accept);
        release.complete(null);

        assertThat(again).isEqualTo(first);
        assertThat(retry.awaitMatching(TurnEvent::isTerminal).getLast()).isInstanceOf(TurnEvent.Completed.class);
    }

    @Test
    void aMessageToAConversationWhoseTurnRunsOnAnotherInstance_isRefused() {
        CompletableFuture<Void> release = new CompletableFuture<>();
        harness.model.then(Reply.text("working").thenHoldUntil(release));
        EventRecorder<TurnEvent> first = new EventRecorder<>();
        TurnStart.Started started = (TurnStart.Started) harness.confab.sendMessage()
                .start(command(alice, conversation.id(), "first", null), first::accept);
        first.awaitMatching(event -> event instanceof TurnEvent.Chunk);

        try (Confab other = harness.anotherInstance()) {
            assertThat(other.sendMessage().send(command(alice, conversation.id(), "second", null)))
                    .isEqualTo(new TurnOutcome.InProgress(started.turn()));
            release.complete(null);
            first.awaitMatching(TurnEvent::isTerminal);
            assertThat(other.sendMessage().send(command(alice, conversation.id(), "second", null)))
                    .isInstanceOf(TurnOutcome.Completed.class);
        }
    }

    @Test
    void theConversationIsFree_beforeItsTurnsTerminalEventArrives() throws Exception {
        CountDownLatch answered = new CountDownLatch(1);
        TurnOutcome[] next = new TurnOutcome[1];
        harness.confab.sendMessage().start(command(alice, conversation.id(), "first", null), event -> {
            if (event.isTerminal()) {
                next[0] = harness.send(alice, conversation.id(), "sent as soon as the first ended");
                answered.countDown();
            }
        });

        assertThat(answered.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(next[0]).isInstanceOf(TurnOutcome.Completed.class);
    }
}
