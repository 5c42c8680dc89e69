package io.confab.application;

import static org.assertj.core.api.Assertions.assertThat;

import io.confab.application.testing.ConfabHarness;
import io.confab.domain.Conversation;
import io.confab.domain.ConversationSettings;
import io.confab.domain.UserId;
import io.confab.domain.port.RetentionPolicy;
import io.confab.testkit.ScriptedChatModel;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The retention job (SPEC §16): what the server and each conversation keep, and for how long. */
class RetentionTest {

    private final UserId alice = ConfabHarness.newUser();

    @Test
    void untouchedConversations_goAfterTheirOwnOrTheServersRetention_deletedOnesAfterTheDeletedRetention() {
        ConfabSettings settings = ConfabSettings.defaults()
                .withRetention(new RetentionPolicy(Optional.of(Duration.ofDays(30)), Duration.ofDays(10)));
        try (ConfabHarness harness = new ConfabHarness(new ScriptedChatModel(), settings, 1_000)) {
            Conversation kept = harness.newConversation(alice);
            Conversation ownWeek = harness.newConversation(alice);
            harness.ports.conversations().update(ownWeek.withSettings(
                    new ConversationSettings(Optional.empty(), Optional.empty(), Optional.of(7)), harness.clock.instant()));
            Conversation deleted = harness.newConversation(alice);
            harness.confab.deleteConversation().delete(alice, deleted.id());
            harness.send(alice, kept.id(), "still here");

            harness.clock.advance(Duration.ofDays(8));
            assertThat(harness.confab.purgeExpired()).isEqualTo(1);
            assertThat(harness.ports.conversations().find(alice, ownWeek.id())).isEmpty();

            harness.clock.advance(Duration.ofDays(3));
            assertThat(harness.confab.purgeExpired()).as("the deleted one, 11 days after").isEqualTo(1);

            harness.clock.advance(Duration.ofDays(20));
            assertThat(harness.confab.purgeExpired()).isEqualTo(1);
            assertThat(harness.ports.conversations().find(alice, kept.id())).isEmpty();
            assertThat(harness.stored(alice, kept.id())).isEmpty();
        }
    }

    @Test
    void byDefault_liveConversationsAreKept() {
        try (ConfabHarness harness = new ConfabHarness()) {
            Conversation conversation = harness.newConversation(alice);

            harness.clock.advance(Duration.ofDays(3_650));

            assertThat(harness.confab.purgeExpired()).isZero();
            assertThat(harness.ports.conversations().find(alice, conversation.id())).isPresent();
        }
    }
}
