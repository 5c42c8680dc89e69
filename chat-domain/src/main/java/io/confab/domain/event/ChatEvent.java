package io.confab.domain.event;

import io.confab.domain.ConversationId;
import java.time.Instant;

/**
 * Everything Confab tells clients about a conversation (SPEC §6): the events of a turn, the
 * conversation notifications and typing. One vocabulary for SSE and WebSocket; the adapters
 * choose the wire form.
 */
public sealed interface ChatEvent permits TurnEvent, ConversationEvent, TypingChanged, TurnCancelRequested {

    ConversationId conversationId();

    /** Position within its turn (turn events); 0 for notifications. */
    long seq();

    Instant ts();

    /** Its entry in the event catalogue. */
    EventType eventType();

    /** The wire name of the event ({@code chunk}, {@code tool_starting}, …). */
    default String type() {
        return eventType().wireName();
    }

    /** Whether clients see this event; false for signals between instances ({@link TurnCancelRequested}). */
    default boolean forClients() {
        return true;
    }
}
