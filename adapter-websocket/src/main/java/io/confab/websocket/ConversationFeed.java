package io.confab.websocket;

import io.confab.application.usecase.TurnListener;
import io.confab.domain.ConversationId;
import io.confab.domain.TurnId;
import io.confab.domain.event.ChatEvent;
import io.confab.domain.event.TurnEvent;
import io.confab.domain.port.EventBus;
import io.confab.domain.port.Subscription;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What one socket receives of one conversation. Events come from the bus (live, for every turn)
 * and from a turn this socket follows directly (the turn it started, or one it resumes), which
 * delivers that turn gap-free and in order; for such a turn the bus copy is ignored, and any event
 * seen twice is sent once. While a request is being handled the feed holds events back, so its
 * {@code ack} comes first.
 */
final class ConversationFeed {

    private static final int REMEMBERED_TURNS = 8;

    private enum Source { BUS, DIRECT }

    private record Pending(Source source, ChatEvent event) {
    }

    private final ClientConnection connection;
    private final ConversationId conversation;
    private final Set<TurnId> followedDirectly = new HashSet<>();
    private final Map<TurnId, Long> lastSeqByTurn = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<TurnId, Long> eldest) {
            return size() > REMEMBERED_TURNS;
        }
    };
    private final List<Subscription> subscriptions = new ArrayList<>();
    private Subscription bus;
    private List<Pending> held;
    private boolean closed;

    ConversationFeed(ClientConnection connection, ConversationId conversation) {
        this.connection = connection;
        this.conversation = conversation;
    }

    ConversationId conversation() {
        return conversation;
    }

    /** Starts receiving the conversation's live events (once). */
    synchronized void subscribe(EventBus eventBus) {
        if (bus == null && !closed) {
            bus = eventBus.subscribeConversation(conversation, event -> accept(Source.BUS, event));
        }
    }

    boolean isSubscribed() {
        synchronized (this) {
            return bus != null;
        }
    }

    /** The listener for a turn this socket follows directly (started or resumed). */
    TurnListener directListener() {
        return event -> accept(Source.DIRECT, event);
    }

    /** Holds events back until {@link #release}. */
    synchronized void hold() {
        if (held == null) {
            held = new ArrayList<>();
        }
    }

    /**
     * Sends {@code first} (the ack), then what was held. {@code direct} is the turn now followed
     * directly; {@code alreadySeen} the seq of that turn the client already has.
     */
    synchronized void release(Optional<TurnId> direct, Optional<String> first, long alreadySeen) {
        direct.ifPresent(turn -> {
            followedDirectly.add(turn);
            lastSeqByTurn.merge(turn, alreadySeen, Math::max);
        });
        first.ifPresent(connection::send);
        List<Pending> pending = held == null ? List.of() : held;
        held = null;
        pending.forEach(p -> forward(p.source(), p.event()));
    }

    synchronized void addSubscription(Subscription subscription) {
        if (closed) {
            subscription.close();
        } else {
            subscriptions.add(subscription);
        }
    }

    synchronized void close() {
        closed = true;
        held = null;
        if (bus != null) {
            bus.close();
        }
        subscriptions.forEach(Subscription::close);
        subscriptions.clear();
    }

    /**
     * An event of this conversation from the socket's subscription to all of its user's
     * conversations; false when the feed is closed (the caller sends it itself). A turn event the
     * feed's own bus subscription also brings is sent once (by seq); typing, which has no seq, is
     * left to that subscription when there is one.
     */
    synchronized boolean acceptFromUserScope(ChatEvent event) {
        if (closed) {
            return false;
        }
        if (event instanceof TurnEvent || bus == null) {
            accept(Source.BUS, event);
        }
        return true;
    }

    private synchronized void accept(Source source, ChatEvent event) {
        if (closed) {
            return;
        }
        if (held != null) {
            held.add(new Pending(source, event));
        } else {
            forward(source, event);
        }
    }

    private void forward(Source source, ChatEvent event) {
        if (!event.forClients()) {
            return;
        }
        if (event instanceof TurnEvent turnEvent) {
            TurnId turn = turnEvent.turnId();
            if (source == Source.BUS && followedDirectly.contains(turn)) {
                return;
            }
            Long seen = lastSeqByTurn.get(turn);
            if (seen != null && turnEvent.seq() <= seen) {
                return;
            }
            lastSeqByTurn.put(turn, turnEvent.seq());
            if (source == Source.DIRECT && turnEvent.isTerminal()) {
                followedDirectly.remove(turn);
            }
        }
        connection.sendEvent(event);
    }
}
