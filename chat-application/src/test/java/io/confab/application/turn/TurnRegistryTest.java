package io.confab.application.turn;

import static org.assertj.core.api.Assertions.assertThat;

import io.confab.application.memory.InMemoryEventBus;
import io.confab.application.testing.ConfabHarness;
import io.confab.application.usecase.TurnOutcome;
import io.confab.domain.ConversationId;
import io.confab.domain.Message;
import io.confab.domain.MessageId;
import io.confab.domain.MessageStatus;
import io.confab.domain.TokenUsage;
import io.confab.domain.TurnId;
import io.confab.domain.UserId;
import io.confab.testkit.TestClock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Which of a conversation's turns the registry names as the one running here. */
class TurnRegistryTest {

    private final TestClock clock = new TestClock();
    private final TurnRegistry registry = new TurnRegistry(new InMemoryEventBus());
    private final UserId alice = ConfabHarness.newUser();
    private final ConversationId conversation = new ConversationId(UUID.randomUUID());

    @Test
    void latestIn_isTheNewestTurnStillRunning() {
        RunningTurn older = registered();
        RunningTurn newer = registered();

        assertThat(registry.latestIn(conversation)).containsSame(newer);
        assertThat(registry.find(older.id)).containsSame(older);
    }

    @Test
    void latestIn_passesOverATurnThatFinishedButIsNotYetForgotten() {
        RunningTurn finished = registered();
        finished.finish(completed(finished));

        assertThat(registry.latestIn(conversation)).isEmpty();
    }

    private RunningTurn registered() {
        RunningTurn turn = new RunningTurn(new TurnId(UUID.randomUUID()), alice, conversation, new MessageId(UUID.randomUUID()));
        registry.register(turn);
        return turn;
    }

    private TurnOutcome.Completed completed(RunningTurn turn) {
        Message question = Message.fromUser(turn.userMessageId, conversation, "Hello", Optional.empty(), clock.instant());
        Message answer = Message.fromAssistant(new MessageId(turn.id.value()), conversation, question.id(), "Hi.",
                MessageStatus.COMPLETE, List.of(), "scripted-model", new TokenUsage(3, 1), clock.instant());
        return new TurnOutcome.Completed(question, answer);
    }
}
