package io.confab.domain;

import static io.confab.domain.Refusals.assertRefusedOn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ConversationTest {

    private static final ConversationId ID = new ConversationId(UUID.randomUUID());
    private static final UserId ALICE = new UserId("alice");
    private static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");
    private static final Instant T1 = T0.plusSeconds(60);

    private static Conversation started(String title) {
        return Conversation.start(ID, ALICE, title, T0);
    }

    private static Map<String, String> entries(int count) {
        return IntStream.range(0, count).boxed().collect(Collectors.toMap(i -> "k" + i, i -> "v" + i));
    }

    @Test
    void aStartedConversation_isActiveEmptyAndNotDeleted() {
        Conversation conversation = started("Plans");

        assertThat(conversation.status()).isEqualTo(ConversationStatus.ACTIVE);
        assertThat(conversation.messageCount()).isZero();
        assertThat(conversation.tokensUsed()).isZero();
        assertThat(conversation.metadata()).isEmpty();
        assertThat(conversation.isDeleted()).isFalse();
    }

    @Test
    void aStartedConversation_wasCreatedAndUpdatedAtTheSameInstant() {
        Conversation conversation = started("Plans");

        assertThat(conversation.createdAt()).isEqualTo(T0);
        assertThat(conversation.updatedAt()).isEqualTo(T0);
    }

    @Test
    void aConversationWithADeletionInstant_isDeleted() {
        Conversation deleted = new Conversation(ID, ALICE, "Plans", ConversationStatus.ACTIVE, Map.of(), Optional.empty(), ConversationSettings.DEFAULTS, T0, T1,
                Optional.of(T1), 0, 0);

        assertThat(deleted.isDeleted()).isTrue();
    }

    @Test
    void aTitle_isStrippedOfSurroundingWhitespace() {
        assertThat(started("  Plans \n").title()).isEqualTo("Plans");
    }

    @Test
    void aMissingTitle_becomesAnEmptyTitle() {
        Conversation conversation = started(null);

        assertThat(conversation.title()).isEmpty();
        assertThat(conversation.hasTitle()).isFalse();
    }

    @Test
    void aBlankTitle_becomesAnEmptyTitle() {
        assertThat(started("   ").hasTitle()).isFalse();
    }

    @Test
    void aNonEmptyTitle_countsAsATitle() {
        assertThat(started("Plans").hasTitle()).isTrue();
    }

    @Test
    void aTitleOf500Characters_isAccepted() {
        assertThat(started("t".repeat(500)).title()).hasSize(500);
    }

    @Test
    void aTitleOver500Characters_isRefused() {
        assertRefusedOn("title", () -> started("t".repeat(501)));
    }

    @Test
    void aTitleOver500CharactersOnlyBecauseOfSurroundingWhitespace_isAccepted() {
        assertThat(started("  " + "t".repeat(500) + "  ").title()).hasSize(500);
    }

    @Test
    void aTitleWithNul_isRefused() {
        assertRefusedOn("title", () -> started("Pl\u0000ans"));
    }

    @Test
    void withTitle_changesTheTitleAndTheUpdateInstantOnly() {
        Conversation renamed = started("Plans").withTitle("Holiday plans", T1);

        assertThat(renamed.title()).isEqualTo("Holiday plans");
        assertThat(renamed.updatedAt()).isEqualTo(T1);
        assertThat(renamed.createdAt()).isEqualTo(T0);
        assertThat(renamed.status()).isEqualTo(ConversationStatus.ACTIVE);
    }

    @Test
    void withTitle_checksTheNewTitle() {
        Conversation conversation = started("Plans");

        assertRefusedOn("title", () -> conversation.withTitle("t".repeat(501), T1));
    }

    @Test
    void withStatus_changesTheStatusAndTheUpdateInstant() {
        Conversation archived = started("Plans").withStatus(ConversationStatus.ARCHIVED, T1);

        assertThat(archived.status()).isEqualTo(ConversationStatus.ARCHIVED);
        assertThat(archived.updatedAt()).isEqualTo(T1);
        assertThat(archived.title()).isEqualTo("Plans");
    }

    @Test
    void withMetadata_replacesTheMetadataAndTheUpdateInstant() {
        Conversation tagged = started("Plans").withMetadata(Map.of("topic", "travel"), T1);

        assertThat(tagged.metadata()).containsExactly(Map.entry("topic", "travel"));
        assertThat(tagged.updatedAt()).isEqualTo(T1);
    }

    @Test
    void theChanges_keepTheCountersAndTheDeletionState() {
        Conversation busy = new Conversation(ID, ALICE, "Plans", ConversationStatus.ACTIVE, Map.of(), Optional.empty(), ConversationSettings.DEFAULTS, T0, T0,
                Optional.of(T0), 4, 900);

        Conversation changed = busy.withTitle("New", T1).withStatus(ConversationStatus.CLOSED, T1)
                .withMetadata(Map.of("a", "b"), T1);

        assertThat(changed.messageCount()).isEqualTo(4);
        assertThat(changed.tokensUsed()).isEqualTo(900);
        assertThat(changed.deletedAt()).contains(T0);
    }

    @Test
    void missingMetadata_becomesEmptyMetadata() {
        assertThat(started("Plans").withMetadata(null, T1).metadata()).isEmpty();
    }

    @Test
    void theMetadata_isACopyThatLaterChangesToTheGivenMapDoNotReach() {
        Map<String, String> given = new HashMap<>(Map.of("topic", "travel"));
        Conversation tagged = started("Plans").withMetadata(given, T1);

        given.put("mood", "sunny");

        assertThat(tagged.metadata()).containsOnlyKeys("topic");
    }

    @Test
    void fiftyMetadataEntries_areAccepted() {
        assertThat(started("Plans").withMetadata(entries(50), T1).metadata()).hasSize(50);
    }

    @Test
    void moreThanFiftyMetadataEntries_areRefused() {
        Conversation conversation = started("Plans");

        assertRefusedOn("metadata", () -> conversation.withMetadata(entries(51), T1));
    }

    @Test
    void aMetadataKeyWithNul_isRefused() {
        Conversation conversation = started("Plans");

        assertRefusedOn("metadata", () -> conversation.withMetadata(Map.of("to\u0000pic", "travel"), T1));
    }

    @Test
    void aMetadataValueWithNul_isRefused() {
        Conversation conversation = started("Plans");

        assertRefusedOn("metadata", () -> conversation.withMetadata(Map.of("topic", "tra\u0000vel"), T1));
    }

    @Test
    void negativeCounters_areABug() {
        assertThatThrownBy(() -> new Conversation(ID, ALICE, "", ConversationStatus.ACTIVE, Map.of(), Optional.empty(), ConversationSettings.DEFAULTS, T0, T0,
                Optional.empty(), -1, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void negativeTokensUsed_areABug() {
        assertThatThrownBy(() -> new Conversation(ID, ALICE, "", ConversationStatus.ACTIVE, Map.of(), Optional.empty(), ConversationSettings.DEFAULTS, T0, T0,
                Optional.empty(), 0, -1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aConversationWithoutAnOwner_isABug() {
        assertThatThrownBy(() -> Conversation.start(ID, null, "Plans", T0)).isInstanceOf(NullPointerException.class);
    }
}
