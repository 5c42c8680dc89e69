package io.confab.websocket.redis;

import io.confab.domain.event.ChatEvent;
import io.confab.domain.port.Subscription;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** This instance's listeners by channel key; a key without listeners is removed. */
final class LocalListeners<K> {

    private static final Logger LOG = LoggerFactory.getLogger(LocalListeners.class);

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
                LOG.debug("an event listener failed", e);
            }
        }
    }

    /** Compared by identity: the same consumer subscribed twice is two subscriptions. */
    private record Listener(Consumer<ChatEvent> consumer) {
        @Override
        public boolean equals(Object other) {
            return this == other;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(this);
        }
    }
}
