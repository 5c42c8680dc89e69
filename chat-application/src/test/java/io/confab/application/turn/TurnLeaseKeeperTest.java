package io.confab.application.turn;

import static io.confab.application.testing.ConfabHarness.newUser;
import static org.assertj.core.api.Assertions.assertThat;

import io.confab.application.testing.ConfabHarness;
import io.confab.domain.ConversationId;
import io.confab.domain.MessageId;
import io.confab.domain.TurnId;
import io.confab.domain.port.TurnLease;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The keeper's rounds: renewing the leases of the turns running here, and only those. */
class TurnLeaseKeeperTest {

    private static final Duration LEASE = Duration.ofSeconds(30);

    private final ConfabHarness harness = new ConfabHarness();
    private final TurnRegistry registry = new TurnRegistry(harness.ports.eventBus());
    private final TurnLeasing leasing = new TurnLeasing(harness.ports.leases(), harness.ports.turnJournal(), harness.clock, LEASE, "host-a:8080");
    private final TurnLeaseKeeper keeper = new TurnLeaseKeeper(registry, leasing, new LostTurns(harness.ports.messages(),
            harness.ports.leases(), harness.ports.eventLog(), harness.ports.eventBus(), harness.clock));
    private final RunningTurn turn = new RunningTurn(new TurnId(UUID.randomUUID()), newUser(),
            new ConversationId(UUID.randomUUID()), new MessageId(UUID.randomUUID()));

    @AfterEach
    void close() {
        keeper.close();
        harness.close();
    }

    @Test
    void aRunningTurnsLease_isMovedOnByARound() {
        registry.register(turn);
        leasing.claim(leasing.leaseFor(turn, Optional.empty()));
        turn.leased();
        harness.clock.advance(Duration.ofSeconds(10));

        keeper.tick();

        assertThat(harness.ports.leases().find(turn.user, turn.conversation)).map(TurnLease::expiresAt)
                .contains(harness.clock.instant().plus(LEASE));
        assertThat(turn.cancellation.isCancelled()).isFalse();
    }

    @Test
    void aTurnThatLetItsLeaseGo_butHasNotFinished_isNotCancelledByTheNextRound() {
        registry.register(turn);
        leasing.claim(leasing.leaseFor(turn, Optional.empty()));
        turn.leased();
        leasing.release(turn);

        keeper.tick();

        assertThat(turn.cancellation.isCancelled()).isFalse();
    }

    @Test
    void aTurnWhoseLeaseAnotherInstanceTookOver_isCancelled() {
        registry.register(turn);
        leasing.claim(leasing.leaseFor(turn, Optional.empty()));
        turn.leased();
        harness.ports.leases().takeOver(harness.ports.leases().find(turn.user, turn.conversation).orElseThrow());

        keeper.tick();

        assertThat(turn.cancellation.isCancelled()).isTrue();
    }
}
