package io.confab.testkit.contract;

import static io.confab.testkit.contract.Fixtures.at;
import static io.confab.testkit.contract.Fixtures.newConversationId;
import static io.confab.testkit.contract.Fixtures.newMessageId;
import static io.confab.testkit.contract.Fixtures.newUser;
import static org.assertj.core.api.Assertions.assertThat;

import io.confab.domain.ConversationId;
import io.confab.domain.TurnId;
import io.confab.domain.UserId;
import io.confab.domain.port.LeaseClaim;
import io.confab.domain.port.TurnLease;
import io.confab.domain.port.TurnLeases;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link TurnLeases} must have: one lease per conversation, renewals, release,
 * and a take-over that exactly one caller wins. Conversations, users and instance names are fresh
 * and random, so one database may serve every test (expiry queries use instants far in the past).
 */
public abstract class TurnLeasesContract {

    private final UserId alice = newUser();
    private final String instance = "instance-" + UUID.randomUUID();
    private TurnLeases leases;

    /** The store under test; called before each test. */
    protected abstract TurnLeases turnLeases();

    @BeforeEach
    void setUpStore() {
        leases = turnLeases();
    }

    @Test
    void claim_ofAFreeConversation_isClaimed_andTheLeaseIsFound() {
        TurnLease lease = lease(newConversationId(), at(30));

        assertThat(leases.claim(lease)).isInstanceOf(LeaseClaim.Claimed.class);

        assertThat(leases.find(alice, lease.conversation())).contains(lease);
    }

    @Test
    void claim_ofAHeldConversation_answersTheHolder_expiredOrNot() {
        ConversationId conversation = newConversationId();
        TurnLease first = lease(conversation, at(-1_000_000));
        leases.claim(first);

        LeaseClaim second = leases.claim(lease(conversation, at(30)));

        assertThat(second).isEqualTo(new LeaseClaim.Held(first));
    }

    @Test
    void find_isScopedByOwner() {
        TurnLease lease = lease(newConversationId(), at(30));
        leases.claim(lease);

        assertThat(leases.find(newUser(), lease.conversation())).isEmpty();
    }

    @Test
    void release_freesTheConversation_forTheNextTurn() {
        TurnLease first = lease(newConversationId(), at(30));
        leases.claim(first);

        leases.release(first.turn());
        leases.release(first.turn());

        assertThat(leases.find(alice, first.conversation())).isEmpty();
        assertThat(leases.claim(lease(first.conversation(), at(60)))).isInstanceOf(LeaseClaim.Claimed.class);
    }

    @Test
    void renew_movesTheExpiry_andIsFalseForATurnWithoutALease() {
        TurnLease lease = lease(newConversationId(), at(30));
        leases.claim(lease);

        assertThat(leases.renew(lease.turn(), at(90))).isTrue();
        assertThat(leases.renew(new TurnId(newMessageId().value()), at(90))).isFalse();

        assertThat(leases.find(alice, lease.conversation())).map(TurnLease::expiresAt).contains(at(90));
    }

    @Test
    void expired_listsOnlyLeasesExpiredAtTheGivenInstant() {
        Instant longAgo = Instant.parse("1990-01-01T00:00:00Z");
        TurnLease stale = lease(newConversationId(), longAgo);
        TurnLease live = lease(newConversationId(), longAgo.plusSeconds(60));
        leases.claim(stale);
        leases.claim(live);

        assertThat(leases.expired(longAgo.plusSeconds(1), 1_000))
                .contains(stale)
                .doesNotContain(live);
    }

    @Test
    void heldBy_listsTheLeasesOfOneInstance() {
        TurnLease mine = lease(newConversationId(), at(30));
        TurnLease other = new TurnLease(newConversationId(), newTurn(), alice, newMessageId(), Optional.empty(),
                "other-" + UUID.randomUUID(), at(30));
        leases.claim(mine);
        leases.claim(other);

        assertThat(leases.heldBy(instance)).containsExactly(mine);
    }

    @Test
    void takeOver_removesTheLeaseOnce_andNotOneRenewedSinceItWasRead() {
        TurnLease read = lease(newConversationId(), at(-1_000_000));
        leases.claim(read);

        assertThat(leases.takeOver(read)).isTrue();
        assertThat(leases.takeOver(read)).isFalse();
        assertThat(leases.find(alice, read.conversation())).isEmpty();

        TurnLease renewedLater = lease(newConversationId(), at(-1_000_000));
        leases.claim(renewedLater);
        leases.renew(renewedLater.turn(), at(30));
        assertThat(leases.takeOver(renewedLater)).isFalse();
        assertThat(leases.find(alice, renewedLater.conversation())).isPresent();
    }

    @Test
    void aLease_keepsItsClientMessageId() {
        TurnLease lease = new TurnLease(newConversationId(), newTurn(), alice, newMessageId(), Optional.of("key-1"),
                instance, at(30));
        leases.claim(lease);

        assertThat(leases.find(alice, lease.conversation())).map(TurnLease::clientMessageId).contains(Optional.of("key-1"));
    }

    private TurnLease lease(ConversationId conversation, Instant expiresAt) {
        return new TurnLease(conversation, newTurn(), alice, newMessageId(), Optional.empty(), instance, expiresAt);
    }

    private static TurnId newTurn() {
        return new TurnId(newMessageId().value());
    }
}
