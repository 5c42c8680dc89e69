package io.confab.application;

import static io.confab.application.testing.ConfabHarness.command;
import static io.confab.application.testing.ConfabHarness.newUser;
import static io.confab.application.testing.ConfabHarness.types;
import static org.assertj.core.api.Assertions.assertThat;

import io.confab.application.usecase.FollowTurnUseCase.FollowOutcome;
import io.confab.application.usecase.FollowTurnUseCase.TurnPosition;
import io.confab.application.usecase.TurnStart;
import io.confab.domain.Conversation;
import io.confab.domain.TurnId;
import io.confab.domain.event.TurnEvent;
import io.confab.testkit.EventRecorder;
import io.confab.testkit.ScriptedChatModel.Reply;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Resuming a turn's stream after a position: here, from the log, and from another instance. */
class FollowTurnTest extends OneConversationTest {

    @Test
    void followingAFinishedTurnAfterASeq_returnsExactlyTheMissingEvents() {
        harness.model.then(Reply.text("one ", "two ", "three"));
        EventRecorder<TurnEvent> original = new EventRecorder<>();
        TurnId turn = started(harness.confab.sendMessage().start(command(alice, conversation.id(), "count", null), original::accept));
        List<TurnEvent> all = original.awaitMatching(TurnEvent::isTerminal);
        EventRecorder<TurnEvent> resumed = new EventRecorder<>();

        FollowOutcome outcome = harness.confab.followTurn()
                .follow(alice, conversation.id(), Optional.of(new TurnPosition(turn, 3)), resumed::accept);

        assertThat(outcome).isInstanceOf(FollowOutcome.Following.class);
        assertThat(resumed.awaitMatching(TurnEvent::isTerminal)).isEqualTo(all.subList(3, all.size()));
    }

    @Test
    void followingWithoutAPosition_replaysTheLatestTurnFromTheStart() {
        harness.send(alice, conversation.id(), "first");
        harness.send(alice, conversation.id(), "second");
        EventRecorder<TurnEvent> resumed = new EventRecorder<>();

        harness.confab.followTurn().follow(alice, conversation.id(), Optional.empty(), resumed::accept);

        List<TurnEvent> seen = resumed.awaitMatching(TurnEvent::isTerminal);
        assertThat(((TurnEvent.MessageCreated) seen.get(0)).message().content()).isEqualTo("second");
        assertThat(types(seen)).last().isEqualTo("complete");
    }

    @Test
    void aLateFollowerOfARunningTurn_getsTheBufferedEvents_thenTheLiveOnes() throws Exception {
        CountDownLatch streaming = new CountDownLatch(1);
        harness.model.then(Reply.text("so far").thenHangUntilCancelled(streaming));
        harness.confab.sendMessage().start(command(alice, conversation.id(), "slow", null), event -> { });
        assertThat(streaming.await(10, TimeUnit.SECONDS)).isTrue();
        EventRecorder<TurnEvent> late = new EventRecorder<>();

        harness.confab.followTurn().follow(alice, conversation.id(), Optional.empty(), late::accept);
        assertThat(types(late.awaitCount(3))).containsExactly("message_created", "agent_thinking", "chunk");
        harness.confab.cancelTurn().cancel(alice, conversation.id());

        assertThat(types(late.awaitMatching(TurnEvent::isTerminal))).last().isEqualTo("cancelled");
    }

    @Test
    void aTurnRunningOnAnotherInstance_isReplayedFromTheLog_thenFollowedLive() throws Exception {
        CountDownLatch streaming = new CountDownLatch(1);
        harness.model.then(Reply.text("from A").thenHangUntilCancelled(streaming));
        EventRecorder<TurnEvent> onA = new EventRecorder<>();
        TurnId turn = started(harness.confab.sendMessage().start(command(alice, conversation.id(), "hi", null), onA::accept));
        assertThat(streaming.await(10, TimeUnit.SECONDS)).isTrue();
        Confab instanceB = harness.anotherInstance();
        EventRecorder<TurnEvent> onB = new EventRecorder<>();

        FollowOutcome outcome = instanceB.followTurn()
                .follow(alice, conversation.id(), Optional.of(new TurnPosition(turn, 1)), onB::accept);
        assertThat(types(onB.awaitCount(2))).containsExactly("agent_thinking", "chunk");
        harness.confab.cancelTurn().cancel(alice, conversation.id());

        assertThat(outcome).isInstanceOf(FollowOutcome.Following.class);
        assertThat(onB.awaitMatching(TurnEvent::isTerminal)).isEqualTo(onA.awaitMatching(TurnEvent::isTerminal).subList(1, 4));
        instanceB.close();
    }

    @Test
    void followingAfterTheTerminalEvent_findsNothingLeft() {
        EventRecorder<TurnEvent> original = new EventRecorder<>();
        TurnId turn = started(harness.confab.sendMessage().start(command(alice, conversation.id(), "hi", null), original::accept));
        long last = original.awaitMatching(TurnEvent::isTerminal).size();

        assertThat(harness.confab.followTurn().follow(alice, conversation.id(), Optional.of(new TurnPosition(turn, last)), e -> { }))
                .isInstanceOf(FollowOutcome.NoTurn.class);
    }

    @Test
    void aConversationWithoutTurns_hasNothingToFollow() {
        assertThat(harness.confab.followTurn().follow(alice, conversation.id(), Optional.empty(), e -> { }))
                .isInstanceOf(FollowOutcome.NoTurn.class);
    }

    @Test
    void aTurnOfAnotherConversation_cannotBeFollowedThroughThisOne() {
        Conversation other = harness.newConversation(alice);
        EventRecorder<TurnEvent> events = new EventRecorder<>();
        TurnId turn = started(harness.confab.sendMessage().start(command(alice, other.id(), "hi", null), events::accept));
        events.awaitMatching(TurnEvent::isTerminal);

        assertThat(harness.confab.followTurn().follow(alice, conversation.id(), Optional.of(new TurnPosition(turn, 0)), e -> { }))
                .isInstanceOf(FollowOutcome.NoTurn.class);
    }

    private static TurnId started(TurnStart start) {
        return ((TurnStart.Started) start).turn();
    }
}
