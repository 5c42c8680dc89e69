package io.confab.application.memory;

import static org.assertj.core.api.Assertions.assertThat;

import io.confab.domain.ConversationId;
import io.confab.domain.TurnId;
import io.confab.domain.event.TurnEvent;
import io.confab.domain.port.EventLog;
import io.confab.testkit.TestClock;
import io.confab.testkit.contract.EventLogContract;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The in-memory event log passes the shared contract, and forgets by time, by count and by size. */
class InMemoryEventLogTest extends EventLogContract {

    private final TestClock clock = new TestClock();
    private final ConversationId conversation = new ConversationId(UUID.randomUUID());

    @Override
    protected EventLog eventLog() {
        return new InMemoryEventLog(clock);
    }

    @Test
    void aTurn_isForgottenTheTimeToLiveAfterItsLastEvent() {
        InMemoryEventLog log = new InMemoryEventLog(clock, Duration.ofMinutes(5), 100, InMemoryEventLog.DEFAULT_MAX_BYTES);
        TurnId turn = newTurn();
        log.append(thinking(turn, 1));
        clock.advance(Duration.ofMinutes(4));
        log.append(thinking(turn, 2));

        clock.advance(Duration.ofMinutes(4));
        assertThat(log.readAfter(turn, 0)).hasSize(2);

        clock.advance(Duration.ofMinutes(1));
        assertThat(log.readAfter(turn, 0)).isEmpty();
        assertThat(log.latestTurn(conversation)).isEmpty();
    }

    @Test
    void beyondTheTurnLimit_theOldestStartedTurnIsForgotten() {
        InMemoryEventLog log = new InMemoryEventLog(clock, Duration.ofMinutes(5), 2, InMemoryEventLog.DEFAULT_MAX_BYTES);
        TurnId first = newTurn();
        TurnId second = newTurn();
        TurnId third = newTurn();
        log.append(thinking(first, 1));
        log.append(thinking(second, 1));
        log.append(thinking(third, 1));

        assertThat(log.readAfter(first, 0)).isEmpty();
        assertThat(log.readAfter(second, 0)).hasSize(1);
        assertThat(log.latestTurn(conversation)).contains(third);
    }

    @Test
    void beyondTheByteBudget_theOldestStartedTurnsAreForgotten_theNewestKept() {
        long budget = 3 * (InMemoryEventLog.estimatedSize(chunk(newTurn(), 1)) + 1);
        InMemoryEventLog log = new InMemoryEventLog(clock, Duration.ofMinutes(5), 100, budget);
        TurnId first = newTurn();
        TurnId second = newTurn();
        log.append(chunk(first, 1));
        log.append(chunk(first, 2));
        log.append(chunk(second, 1));

        log.append(chunk(second, 2));

        assertThat(log.readAfter(first, 0)).isEmpty();
        assertThat(log.readAfter(second, 0)).hasSize(2);
    }

    @Test
    void aTurnsSize_isEstimatedFromItsText() {
        TurnId turn = newTurn();

        assertThat(InMemoryEventLog.estimatedSize(chunk(turn, 1)))
                .isEqualTo(InMemoryEventLog.estimatedSize(thinking(turn, 1)) + 2L * 1_000);
    }

    private TurnEvent chunk(TurnId turn, long seq) {
        return new TurnEvent.Chunk(turn, conversation, seq, clock.instant(), "x".repeat(1_000),
                new io.confab.domain.MessageId(turn.value()), (int) seq - 1);
    }

    private static TurnId newTurn() {
        return new TurnId(UUID.randomUUID());
    }

    private TurnEvent thinking(TurnId turn, long seq) {
        return new TurnEvent.AgentThinking(turn, conversation, seq, clock.instant(), "Thinking…");
    }
}
