package io.confab.application.turn;

import static io.confab.application.testing.ConfabHarness.command;
import static io.confab.application.testing.ConfabHarness.newUser;
import static org.assertj.core.api.Assertions.assertThat;

import io.confab.application.ConfabSettings;
import io.confab.application.testing.ConfabHarness;
import io.confab.application.usecase.FollowTurnUseCase.TurnPosition;
import io.confab.application.usecase.TurnOutcome;
import io.confab.application.usecase.TurnStart;
import io.confab.domain.Conversation;
import io.confab.domain.Message;
import io.confab.domain.MessageStatus;
import io.confab.domain.TurnId;
import io.confab.domain.UserId;
import io.confab.domain.event.TurnEvent;
import io.confab.domain.model.ModelMessage;
import io.confab.testkit.EventRecorder;
import io.confab.testkit.ScriptedChatModel.Reply;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A turn whose instance dies (its lease chores stop, as in a crash) is ended as lost: by any other
 * instance once its lease expires, or at once by the same instance's next start (SPEC §12).
 */
class LostTurnsTest {

    private static final Duration LEASE = Duration.ofMillis(600);

    private final ConfabHarness harness = new ConfabHarness();
    private final UserId alice = newUser();
    private final Conversation conversation = harness.newConversation(alice);
    private final CompletableFuture<Void> never = new CompletableFuture<>();
    private final TurnServices crashed = new TurnServices(harness.ports, settings("host-a:8080"));
    private TurnServices other;

    @AfterEach
    void close() {
        if (other != null) {
            other.shutdown(Duration.ofSeconds(5));
        }
        crashed.shutdown(Duration.ZERO);
        harness.close();
    }

    @Test
    void afterTheLeaseExpires_anotherInstance_endsTheTurnAsLost_keepingWhatItStreamed_andItsFollowersEnd() {
        TurnId turn = crashMidTurn("key-1");
        other = new TurnServices(harness.ports, settings("host-b:8080"));
        EventRecorder<TurnEvent> follower = new EventRecorder<>();
        other.followTurn().follow(alice, conversation.id(), Optional.of(new TurnPosition(turn, 1)), follower::accept);

        harness.clock.advance(LEASE.plusMillis(1));

        TurnEvent last = follower.awaitMatching(TurnEvent::isTerminal).getLast();
        assertThat(last).isInstanceOfSatisfying(TurnEvent.Failed.class, failed ->
                assertThat(failed.code()).isEqualTo("instance_lost"));
        List<Message> stored = harness.stored(alice, conversation.id());
        assertThat(stored).hasSize(2);
        assertThat(stored.get(1).status()).isEqualTo(MessageStatus.FAILED);
        assertThat(stored.get(1).content()).isEqualTo("half a reply");
        assertThat(stored.get(1).metadata().string("error_code")).contains("instance_lost");
    }

    @Test
    void aRetryOfALostTurn_runsItAgain_withoutStoringTheUserMessageTwice() {
        crashMidTurn("key-1");
        other = new TurnServices(harness.ports, settings("host-b:8080"));
        harness.clock.advance(LEASE.plusMillis(1));

        TurnOutcome retry = other.sendMessage().send(command(alice, conversation.id(), "add milk", "key-1"));

        assertThat(retry).isInstanceOf(TurnOutcome.Completed.class);
        List<Message> stored = harness.stored(alice, conversation.id());
        assertThat(stored).extracting(Message::content).containsExactly("add milk", "half a reply", "echo: add milk");
        assertThat(other.sendMessage().send(command(alice, conversation.id(), "add milk", "key-1"))).isEqualTo(retry);
    }

    @Test
    void aRetryOfALostTurn_givesTheModelTheHistoryBeforeItsUserMessage_once() {
        harness.send(alice, conversation.id(), "earlier");
        crashMidTurn("key-1");
        other = new TurnServices(harness.ports, settings("host-b:8080"));
        harness.clock.advance(LEASE.plusMillis(1));

        other.sendMessage().send(command(alice, conversation.id(), "add milk", "key-1"));

        List<ModelMessage> seen = harness.model.requests().getLast().messages();
        assertThat(seen.getFirst()).isEqualTo(new ModelMessage.User("earlier"));
        assertThat(seen.getLast()).isEqualTo(new ModelMessage.User("add milk"));
        assertThat(seen).filteredOn(new ModelMessage.User("add milk")::equals).hasSize(1);
    }

    @Test
    void aNewMessage_toAConversationWhoseTurnWasLost_isNotRefused() {
        crashMidTurn(null);
        other = new TurnServices(harness.ports, settings("host-b:8080"));
        other.stopLeaseChores(); // so only the send itself can find the expired lease
        harness.clock.advance(LEASE.plusMillis(1));

        assertThat(other.sendMessage().send(command(alice, conversation.id(), "hello again", null)))
                .isInstanceOf(TurnOutcome.Completed.class);
    }

    @Test
    void theSameInstanceStartingAgain_endsItsEarlierRunsTurns_atOnce() {
        TurnId turn = crashMidTurn("key-1");

        other = new TurnServices(harness.ports, settings("host-a:8080"));

        Message reply = harness.ports.messages()
                .find(alice, conversation.id(), new io.confab.domain.MessageId(turn.value())).orElseThrow();
        assertThat(reply.metadata().string("error_code")).contains("instance_lost");
        assertThat(harness.ports.leases().find(alice, conversation.id())).isEmpty();
    }

    /** Starts a turn on the instance that then crashes: it streamed "half a reply" and hangs. */
    private TurnId crashMidTurn(String clientMessageId) {
        harness.model.then(Reply.text("half ", "a reply").thenHoldUntil(never));
        EventRecorder<TurnEvent> events = new EventRecorder<>();
        TurnStart.Started started = (TurnStart.Started) crashed.sendMessage()
                .start(command(alice, conversation.id(), "add milk", clientMessageId), events::accept);
        events.awaitMatching(event -> event instanceof TurnEvent.Chunk chunk && chunk.content().equals("a reply"));
        crashed.stopLeaseChores();
        return started.turn();
    }

    private static ConfabSettings settings(String instance) {
        return ConfabSettings.defaults().withTurnLease(LEASE).withInstance(instance);
    }
}
