package io.confab.domain.event;

import io.confab.domain.ConversationId;
import io.confab.domain.UserId;
import java.time.Instant;

/** A user started or stopped typing in a conversation (WebSocket only). */
public record TypingChanged(ConversationId conversationId, UserId userId, boolean isTyping, Instant ts)
        implements ChatEvent {

    @Override
    public long seq() {
        return 0;
    }

    @Override
    public EventType eventType() {
        return EventType.TYPING;
    }
}
