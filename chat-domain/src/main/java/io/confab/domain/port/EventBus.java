package io.confab.domain.port;

import io.confab.domain.ConversationId;
import io.confab.domain.UserId;
import io.confab.domain.event.ChatEvent;
import java.util.function.Consumer;

/**
 * Fans events out to every listener, on this instance and (with Redis) on all others. Turn events
 * and typing go to the conversation's listeners; conversation notifications to the owner's.
 * Delivery is best effort: the store and the {@link EventLog} are the record.
 */
public interface EventBus {

    void publish(UserId owner, ChatEvent event);

    /** Listeners must not block: they run on the publisher's or the bus's thread. */
    Subscription subscribeConversation(ConversationId conversation, Consumer<ChatEvent> listener);

    Subscription subscribeUser(UserId user, Consumer<ChatEvent> listener);
}
