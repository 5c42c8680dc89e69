package io.confab.testkit.contract;

import io.confab.domain.Conversation;
import io.confab.domain.ConversationId;
import io.confab.domain.MessageId;
import io.confab.domain.TimeOrderedIdGenerator;
import io.confab.domain.UserId;
import io.confab.domain.port.IdGenerator;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.assertj.core.api.Assertions;
import org.assertj.core.api.recursive.comparison.RecursiveComparisonConfiguration;

/**
 * Fixtures shared by the contract suites: fresh random users and ids (so suites can share one
 * database) and instants in whole milliseconds (databases keep microseconds).
 */
public final class Fixtures {

    /** A fixed moment in whole milliseconds. */
    public static final Instant T0 = Instant.parse("2026-03-01T10:00:00.123Z");

    private static final IdGenerator IDS = new TimeOrderedIdGenerator();

    private Fixtures() {
    }

    public static UserId newUser() {
        return new UserId("user-" + UUID.randomUUID());
    }

    public static ConversationId newConversationId() {
        return new ConversationId(IDS.next());
    }

    /** Time-ordered, so ids made later sort later. */
    public static MessageId newMessageId() {
        return new MessageId(IDS.next());
    }

    /** {@link #T0} plus {@code seconds}. */
    public static Instant at(long seconds) {
        return T0.plusSeconds(seconds);
    }

    public static Conversation conversation(UserId owner, String title, Instant at) {
        return Conversation.start(newConversationId(), owner, title, at);
    }

    /** Compares records field by field, JSON numbers by value (1 equals 1.0), map members in any order. */
    public static <T> void assertSameValue(T actual, T expected) {
        Assertions.assertThat(actual)
                .usingRecursiveComparison(RecursiveComparisonConfiguration.builder()
                        .withComparatorForType(BigDecimal::compareTo, BigDecimal.class)
                        .build())
                .isEqualTo(expected);
    }
}
