package io.confab.application.memory;

import static org.assertj.core.api.Assertions.assertThat;

import io.confab.domain.ConversationId;
import io.confab.domain.MessageId;
import io.confab.domain.TurnId;
import io.confab.domain.event.TurnEvent;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Packing keeps every event equal and in place, whatever mix of chunks it is given. */
class PackedTurnEventsTest {

    private static final Instant T0 = Instant.parse("2026-12-06T02:00:00.123456789Z");
    private final TurnId turn = new TurnId(UUID.randomUUID());
    private final ConversationId conversation = new ConversationId(UUID.randomUUID());
    private final MessageId reply = new MessageId(turn.value());

    @Test
    void chunksOfAnotherMessage_andEventsOutOfSeqOrder_comeBackAsAppended() {
        MessageId otherReply = new MessageId(UUID.randomUUID());
        List<TurnEvent> events = List.of(
                chunk(2, "Hel", reply, 0),
                thinking(1),
                chunk(3, "lo", otherReply, 0),
                chunk(4, "", reply, 1),
                chunk(5, " you", reply, 2));

        PackedTurnEvents packed = PackedTurnEvents.pack(events);

        assertThat(packed.after(0)).isEqualTo(events);
        assertThat(packed.after(2)).containsExactly(events.get(2), events.get(3), events.get(4));
    }

    @Test
    void with_appendsAfterWhatWasPacked() {
        PackedTurnEvents packed = PackedTurnEvents.pack(List.of(thinking(1), chunk(2, "a", reply, 0)));

        PackedTurnEvents more = packed.with(List.of(chunk(3, "b", reply, 1), thinking(4)));

        assertThat(more.after(0)).containsExactly(thinking(1), chunk(2, "a", reply, 0), chunk(3, "b", reply, 1), thinking(4));
        assertThat(PackedTurnEvents.EMPTY.after(0)).isEmpty();
    }

    private TurnEvent.Chunk chunk(long seq, String content, MessageId message, int index) {
        return new TurnEvent.Chunk(turn, conversation, seq, T0.plusNanos(seq), content, message, index);
    }

    private TurnEvent thinking(long seq) {
        return new TurnEvent.AgentThinking(turn, conversation, seq, T0, "Thinking…");
    }
}
