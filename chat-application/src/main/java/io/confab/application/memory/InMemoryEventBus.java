package io.confab.application.memory;

import io.confab.domain.ConversationId;
import io.confab.domain.UserId;
import io.confab.domain.event.ChatEvent;
import io.confab.domain.event.ConversationEvent;
import io.confab.domain.event.TurnCancelRequested;
import io.confab.domain.event.TurnEvent;
import io.confab.domain.event.TypingChanged;
import io.confab.domain.port.EventBus;
import io.confab.domain.port.Subscription;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The in-process event bus (one instance, no Redis): listeners run on the publisher's thread, and
 * a listener that throws does not stop the others.
 */
public final class InMemoryEventBus implements EventBus {

    private final Channels<ConversationId> conversations = new Channels<>();
    private final Channels<UserId> users = new Channels<>();

    @Override
    public void publish(UserId owner, ChatEvent event) {
        switch (event) {
            case ConversationEvent notification -> users.deliver(owner, notification);
            case TurnEvent turnEvent -> conversations.deliver(turnEvent.conversationId(), turnEvent);
            case TypingChanged typing -> conversations.deliver(typing.conversationId(), typing);
            case TurnCancelRequested request -> conversations.deliver(request.conversationId(), request);
        }
    }

    @Override
    public Subscription subscribeConversation(ConversationId conversation, Consumer<ChatEvent> listener) {
        return conversations.subscribe(conversation, listener);
    }

    @Override
    public Subscription subscribeUser(UserId user, Consumer<ChatEvent> listener) {
        return users.subscribe(user, listener);
    }

    /** Listeners by key; a key without listeners is removed so idle channels cost nothing. */
    private static final class Channels<K> {

        private final ConcurrentMap<K, List<Listener>> listeners = new ConcurrentHashMap<>();

        Subscription subscribe(K key, Consumer<ChatEvent> consumer) {
            Listener listener = new Listener(consumer);
            listeners.compute(key, (k, list) -> {
                List<Listener> value = list == null ? new CopyOnWriteArrayList<>() : list;
                value.add(listener);
                return value;
            });
            return () -> listeners.computeIfPresent(key, (k, list) -> {
                list.remove(listener);
                return list.isEmpty() ? null : list;
            });
        }

        void deliver(K key, ChatEvent event) {
            for (Listener listener : listeners.getOrDefault(key, List.of())) {
                try {
                    listener.consumer.accept(event);
                } catch (RuntimeException ignored) {
                    // best effort: one broken listener must not starve the others
                }
            }
        }
    }

    /** One subscription; compared by identity, so the same consumer subscribed twice is two subscriptions. */
    private static final class Listener {

        private final Consumer<ChatEvent> consumer;

        Listener(Consumer<ChatEvent> consumer) {
            this.consumer = consumer;
        }
    }
}
