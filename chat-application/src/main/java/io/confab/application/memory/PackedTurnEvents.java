package io.confab.application.memory;

import io.confab.domain.event.TurnEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * A turn's events with its chunks packed into a few arrays: the in-memory log keeps finished turns
 * for minutes, and four objects per chunk made every young collection copy them again (a reply of
 * a hundred words is a hundred chunks). Unpacks to events equal to the ones packed, in their order.
 */
final class PackedTurnEvents {

    static final PackedTurnEvents EMPTY = pack(List.of());

    /** The events that are not packed chunks, in order. */
    private final List<TurnEvent> others;
    /** Which positions, in append order, hold a packed chunk. */
    private final BitSet chunkAt;
    private final int size;
    private final Chunks chunks;

    private PackedTurnEvents(List<TurnEvent> others, BitSet chunkAt, int size, Chunks chunks) {
        this.others = others;
        this.chunkAt = chunkAt;
        this.size = size;
        this.chunks = chunks;
    }

    /** Packs the chunks that share the first chunk's turn, conversation and message; any other event stays as it is. */
    static PackedTurnEvents pack(List<TurnEvent> events) {
        TurnEvent.Chunk first = events.stream().filter(TurnEvent.Chunk.class::isInstance)
                .map(TurnEvent.Chunk.class::cast).findFirst().orElse(null);
        List<TurnEvent> others = new ArrayList<>();
        List<TurnEvent.Chunk> packed = new ArrayList<>();
        BitSet chunkAt = new BitSet(events.size());
        for (int i = 0; i < events.size(); i++) {
            if (events.get(i) instanceof TurnEvent.Chunk chunk && Chunks.fits(first, chunk)) {
                chunkAt.set(i);
                packed.add(chunk);
            } else {
                others.add(events.get(i));
            }
        }
        return new PackedTurnEvents(List.copyOf(others), chunkAt, events.size(), Chunks.of(packed));
    }

    /** These events, then {@code more}, packed together. */
    PackedTurnEvents with(List<TurnEvent> more) {
        List<TurnEvent> all = new ArrayList<>(size + more.size());
        all.addAll(after(Long.MIN_VALUE));
        all.addAll(more);
        return pack(all);
    }

    /** The events whose seq is above {@code seq}, in the order they were packed. */
    List<TurnEvent> after(long seq) {
        List<TurnEvent> events = new ArrayList<>();
        int other = 0;
        int chunk = 0;
        for (int i = 0; i < size; i++) {
            TurnEvent event = chunkAt.get(i) ? chunks.get(chunk++) : others.get(other++);
            if (event.seq() > seq) {
                events.add(event);
            }
        }
        return events;
    }

    /**
     * Chunks of one turn, conversation and message (those of {@code template}, null when there are
     * none), column by column, their contents joined in one string.
     */
    private record Chunks(TurnEvent.Chunk template, long[] seqs, long[] epochSeconds, int[] nanos, int[] indexes,
                          int[] contentEnds, String contents) {

        static boolean fits(TurnEvent.Chunk template, TurnEvent.Chunk chunk) {
            return chunk.turnId().equals(template.turnId()) && chunk.conversationId().equals(template.conversationId())
                    && chunk.messageId().equals(template.messageId());
        }

        static Chunks of(List<TurnEvent.Chunk> chunks) {
            int n = chunks.size();
            long[] seqs = new long[n];
            long[] epochSeconds = new long[n];
            int[] nanos = new int[n];
            int[] indexes = new int[n];
            int[] contentEnds = new int[n];
            StringBuilder contents = new StringBuilder();
            for (int i = 0; i < n; i++) {
                TurnEvent.Chunk chunk = chunks.get(i);
                seqs[i] = chunk.seq();
                epochSeconds[i] = chunk.ts().getEpochSecond();
                nanos[i] = chunk.ts().getNano();
                indexes[i] = chunk.index();
                contents.append(chunk.content());
                contentEnds[i] = contents.length();
            }
            return new Chunks(n == 0 ? null : chunks.getFirst(), seqs, epochSeconds, nanos, indexes, contentEnds,
                    contents.toString());
        }

        TurnEvent.Chunk get(int i) {
            int start = i == 0 ? 0 : contentEnds[i - 1];
            return new TurnEvent.Chunk(template.turnId(), template.conversationId(), seqs[i],
                    Instant.ofEpochSecond(epochSeconds[i], nanos[i]), contents.substring(start, contentEnds[i]),
                    template.messageId(), indexes[i]);
        }
    }
}
