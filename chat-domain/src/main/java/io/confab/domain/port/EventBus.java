package io.confab.domain.port;

import io.confab.domain.ConversationId;
import io.confab.domain.UserId;
import io.confab.domain.event.ChatEvent;
import java.util.function.Consumer;

/**
 * Fans events out to every listener, on this instance and (with Redis) on all others. Turn events
 * and typing go to the conversation's listeners and to the owner's listeners of all their
 * conversations; conversation notifications to the owner's notification listeners.
 * Delivery is best effort: the store and the {@link EventLog} are the record.
 */
public interface EventBus {

    void publish(UserId owner, ChatEvent event);

    /** Listeners must not block: they run on the publisher's or the bus's thread. */
    Subscription subscribeConversation(ConversationId conversation, Consumer<ChatEvent> listener);

    Subscription subscribeUser(UserId user, Consumer<ChatEvent> listener);

    /**
     * Every turn event and typing event of every conversation {@code user} owns, as
     * {@link #subscribeConversation} would deliver it for each (a client following all of the
     * user's turns, including those started elsewhere); never another user's.
     */
    Subscription subscribeUserConversations(UserId user, Consumer<ChatEvent> listener);
}
