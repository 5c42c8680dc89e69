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
 * The in-process event bus (one instance, and the local delivery of a cross-instance bus): listeners run on the publisher's thread, and
 * a listener that throws does not stop the others.
 */
public final class InMemoryEventBus implements EventBus {

    private static final System.Logger LOG = System.getLogger(InMemoryEventBus.class.getName());

    private final Channels<ConversationId> conversations = new Channels<>();
    private final Channels<UserId> users = new Channels<>();
    private final Channels<UserId> usersConversations = new Channels<>();

    /** A conversation's listeners get an event before its owner's listeners of all their conversations. */
    @Override
    public void publish(UserId owner, ChatEvent event) {
        switch (event) {
            case ConversationEvent notification -> users.deliver(owner, notification);
            case TurnEvent turnEvent -> {
                conversations.deliver(turnEvent.conversationId(), turnEvent);
                usersConversations.deliver(owner, turnEvent);
            }
            case TypingChanged typing -> {
                conversations.deliver(typing.conversationId(), typing);
                usersConversations.deliver(owner, typing);
            }
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

    @Override
    public Subscription subscribeUserConversations(UserId user, Consumer<ChatEvent> listener) {
        return usersConversations.subscribe(user, listener);
    }

    /** Whether a listener on this instance follows the conversation (a relay can skip decoding otherwise). */
    public boolean hasConversationListeners(ConversationId conversation) {
        return conversations.hasListeners(conversation);
    }

    /** Whether a listener on this instance follows the user's notifications. */
    public boolean hasUserListeners(UserId user) {
        return users.hasListeners(user);
    }

    /** Whether a listener on this instance follows all of the user's conversations. */
    public boolean hasUserConversationsListeners(UserId user) {
        return usersConversations.hasListeners(user);
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

        boolean hasListeners(K key) {
            return listeners.containsKey(key);
        }

        void deliver(K key, ChatEvent event) {
            for (Listener listener : listeners.getOrDefault(key, List.of())) {
                try {
                    listener.consumer.accept(event);
                } catch (RuntimeException e) {
                    // best effort: one broken listener must not starve the others
                    LOG.log(System.Logger.Level.DEBUG, "an event listener failed", e);
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
