package io.confab.benchmarks.load;

import static org.assertj.core.api.Assertions.assertThat;

import io.confab.application.memory.InMemoryEventBus;
import io.confab.domain.ConversationId;
import io.confab.domain.MessageId;
import io.confab.domain.TurnId;
import io.confab.domain.UserId;
import io.confab.domain.event.TurnEvent;
import io.confab.domain.event.TypingChanged;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PublishStampsTest {

    private final InMemoryEventBus bus = new InMemoryEventBus();
    private final PublishStamps stamps = new PublishStamps();
    private final ConversationId conversation = new ConversationId(UUID.randomUUID());
    private final TurnId turn = new TurnId(UUID.randomUUID());
    private final UserId owner = new UserId("alice");

    @Test
    void aTurnEventPublishedOnTheBus_isStampedByItsTurnAndSeq_whenItIsPublished() {
        stamps.observe(bus, conversation);
        long before = System.nanoTime();

        bus.publish(owner, chunk(3));
        long after = System.nanoTime();

        assertThat(stamps.stamp(turn.toString(), 3)).isPresent();
        assertThat(stamps.stamp(turn.toString(), 3).getAsLong()).isBetween(before, after);
        assertThat(stamps.stamp(turn.toString(), 4)).isEmpty();
    }

    @Test
    void onlyTurnEventsOfObservedConversations_areCounted_fromTheGivenInstant() {
        stamps.observe(bus, conversation);
        bus.publish(owner, chunk(1));
        long from = System.nanoTime();

        bus.publish(owner, chunk(2));
        bus.publish(owner, new TypingChanged(conversation, owner, true, Instant.now()));
        bus.publish(owner, new TurnEvent.Chunk(turn, new ConversationId(UUID.randomUUID()), 9, Instant.now(), "x",
                new MessageId(UUID.randomUUID()), 0));

        assertThat(stamps.publishedSince(from)).isEqualTo(1);
    }

    private TurnEvent.Chunk chunk(long seq) {
        return new TurnEvent.Chunk(turn, conversation, seq, Instant.now(), "text", new MessageId(UUID.randomUUID()), (int) seq);
    }
}
