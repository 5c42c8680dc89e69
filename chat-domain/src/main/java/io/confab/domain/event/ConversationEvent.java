package io.confab.domain.event;

import io.confab.domain.Conversation;
import io.confab.domain.ConversationId;
import java.time.Instant;

/** Notifications sent to all of an owner's sockets when a conversation changes. */
public sealed interface ConversationEvent extends ChatEvent {

    Conversation conversation();

    @Override
    default ConversationId conversationId() {
        return conversation().id();
    }

    @Override
    default long seq() {
        return 0;
    }

    /** A conversation was created. */
    record Created(Conversation conversation, Instant ts) implements ConversationEvent {
        public EventType eventType() {
            return EventType.CONVERSATION_CREATED;
        }
    }

    /** A conversation's title, status, metadata or activity changed. */
    record Updated(Conversation conversation, Instant ts) implements ConversationEvent {
        public EventType eventType() {
            return EventType.CONVERSATION_UPDATED;
        }
    }

    /** A conversation was deleted. */
    record Deleted(Conversation conversation, Instant ts) implements ConversationEvent {
        public EventType eventType() {
            return EventType.CONVERSATION_DELETED;
        }
    }
}
