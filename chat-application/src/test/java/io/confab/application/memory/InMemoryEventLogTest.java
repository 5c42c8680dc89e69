package io.confab.application.memory;

import static org.assertj.core.api.Assertions.assertThat;

import io.confab.application.contract.EventLogContract;
import io.confab.application.testing.TestClock;
import io.confab.domain.ConversationId;
import io.confab.domain.TurnId;
import io.confab.domain.event.TurnEvent;
import io.confab.domain.port.EventLog;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The in-memory event log passes the shared contract, and forgets by time and by count. */
class InMemoryEventLogTest extends EventLogContract {

    private final TestClock clock = new TestClock();
    private final ConversationId conversation = new ConversationId(UUID.randomUUID());

    @Override
    protected EventLog eventLog() {
        return new InMemoryEventLog(clock);
    }

    @Test
    void aTurn_isForgottenTheTimeToLiveAfterItsLastEvent() {
        InMemoryEventLog log = new InMemoryEventLog(clock, Duration.ofMinutes(5), 100);
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
        InMemoryEventLog log = new InMemoryEventLog(clock, Duration.ofMinutes(5), 2);
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

    private static TurnId newTurn() {
        return new TurnId(UUID.randomUUID());
    }

    private TurnEvent thinking(TurnId turn, long seq) {
        return new TurnEvent.AgentThinking(turn, conversation, seq, clock.instant(), "Thinking…");
    }
}
