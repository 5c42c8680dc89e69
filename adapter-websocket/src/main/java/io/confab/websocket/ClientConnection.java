package io.confab.websocket;

import io.confab.domain.ConversationId;
import io.confab.domain.UserId;
import io.confab.domain.event.ChatEvent;
import io.confab.domain.event.TypingChanged;
import io.confab.domain.port.EventBus;
import io.confab.domain.port.Subscription;
import io.confab.json.EventJson;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One open socket: its user, its conversation feeds, and a bounded queue of outgoing frames
 * written by a virtual thread of its own, started when there is something to write. Producers
 * (turns, the bus) only enqueue, so a slow reader delays nobody; one whose queue overflows, or
 * whose frame waits longer than the send timeout, is closed with 1008 (policy violation).
 */
final class ClientConnection {

    private static final Logger LOG = LoggerFactory.getLogger(ClientConnection.class);
    static final int POLICY_VIOLATION = 1008;
    static final int GOING_AWAY = 1001;
    private static final int OWN_TYPING_MEMORY = 8;

    private final String id;
    private final UserId user;
    private final Session session;
    private final Duration sendTimeout;
    private final ScheduledExecutorService scheduler;
    private final BlockingQueue<String> outgoing;
    private final AtomicBoolean draining = new AtomicBoolean();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final Map<ConversationId, ConversationFeed> feeds = new ConcurrentHashMap<>();
    private final Deque<TypingChanged> ownTyping = new ArrayDeque<>(OWN_TYPING_MEMORY);
    private volatile Subscription notifications = () -> { };
    private Subscription userConversations;
    private volatile ScheduledFuture<?> expiry;

    ClientConnection(String id, UserId user, Session session, WebSocketSettings settings,
                     ScheduledExecutorService scheduler) {
        this.id = id;
        this.user = user;
        this.session = session;
        this.sendTimeout = settings.sendTimeout();
        this.scheduler = scheduler;
        this.outgoing = new LinkedBlockingQueue<>(settings.outgoingQueueSize());
    }

    String id() {
        return id;
    }

    UserId user() {
        return user;
    }

    boolean isOpen() {
        return !closed.get();
    }

    /**
     * Queues {@code established} as the first frame, subscribes the socket to its user's
     * notifications, and only then starts writing: once a client sees the frame, it can miss no
     * notification.
     */
    void open(EventBus bus, String established) {
        outgoing.offer(established);
        notifications = bus.subscribeUser(user, event -> send(EventJson.write(event)));
        startWriting();
    }

    /**
     * Follows every conversation of the user ({@code subscribe} with scope user), on every instance,
     * until {@link #stopFollowingUserConversations} or the socket closes. An event of a conversation
     * the socket also has a feed for goes through that feed, so it is sent once.
     */
    synchronized void followUserConversations(EventBus bus) {
        if (userConversations == null && !closed.get()) {
            userConversations = bus.subscribeUserConversations(user, this::fromUserConversations);
        }
    }

    synchronized void stopFollowingUserConversations() {
        if (userConversations != null) {
            userConversations.close();
            userConversations = null;
        }
    }

    private void fromUserConversations(ChatEvent event) {
        ConversationFeed feed = feeds.get(event.conversationId());
        if (feed == null || !feed.acceptFromUserScope(event)) {
            sendEvent(event);
        }
    }

    /** Sends an event to the client, unless it is internal or the echo of the socket's own typing. */
    void sendEvent(ChatEvent event) {
        if (event.forClients() && !isOwnEcho(event)) {
            send(EventJson.write(event));
        }
    }

    /** Closes the socket with 1008 when its token expires, {@code delay} from now. */
    void closeAfter(Duration delay) {
        expiry = scheduler.schedule(() -> close(POLICY_VIOLATION, "token expired"),
                Math.max(0, delay.toMillis()), TimeUnit.MILLISECONDS);
    }

    /** The feed of a conversation, created (not yet on the bus) when the socket has none. */
    ConversationFeed feed(ConversationId conversation) {
        return feeds.computeIfAbsent(conversation, c -> new ConversationFeed(this, c));
    }

    boolean hasFeed(ConversationId conversation) {
        return feeds.containsKey(conversation);
    }

    void closeFeed(ConversationId conversation) {
        ConversationFeed feed = feeds.remove(conversation);
        if (feed != null) {
            feed.close();
        }
    }

    /** Remembers a typing event this socket published, so its echo is not sent back to it. */
    void publishedTyping(TypingChanged typing) {
        synchronized (ownTyping) {
            if (ownTyping.size() == OWN_TYPING_MEMORY) {
                ownTyping.removeFirst();
            }
            ownTyping.addLast(typing);
        }
    }

    /** Whether {@code event} is the echo of this socket's own typing (consumed once). */
    boolean isOwnEcho(ChatEvent event) {
        if (!(event instanceof TypingChanged typing)) {
            return false;
        }
        synchronized (ownTyping) {
            return ownTyping.remove(typing);
        }
    }

    /** Queues a frame; never blocks. */
    void send(String frame) {
        if (closed.get()) {
            return;
        }
        if (!outgoing.offer(frame)) {
            close(POLICY_VIOLATION, "too slow: reconnect and subscribe with last_seq to resume");
            return;
        }
        startWriting();
    }

    private void startWriting() {
        if (draining.compareAndSet(false, true)) {
            Thread.ofVirtual().name("confab-ws-writer-" + id).start(this::drain);
        }
    }

    void ping() {
        if (!closed.get() && session.isOpen()) {
            session.sendPing(ByteBuffer.allocate(0), Callback.NOOP);
        }
    }

    /** Ends the socket with {@code code}; a peer that does not take the close frame is disconnected. */
    void close(int code, String reason) {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        release();
        outgoing.clear();
        session.close(code, reason, Callback.NOOP);
        scheduler.schedule(() -> {
            if (session.isOpen()) {
                session.disconnect();
            }
        }, sendTimeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The socket closed: stop every subscription. */
    void release() {
        closed.set(true);
        ScheduledFuture<?> pending = expiry;
        if (pending != null) {
            pending.cancel(false);
        }
        notifications.close();
        stopFollowingUserConversations();
        feeds.values().forEach(ConversationFeed::close);
        feeds.clear();
    }

    private void drain() {
        do {
            String next;
            while ((next = outgoing.poll()) != null) {
                if (!write(next)) {
                    return;
                }
            }
            draining.set(false);
        } while (!outgoing.isEmpty() && draining.compareAndSet(false, true));
    }

    private boolean write(String frame) {
        if (closed.get()) {
            return false;
        }
        Callback.Completable written = new Callback.Completable();
        try {
            session.sendText(frame, written);
            written.get(sendTimeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            close(POLICY_VIOLATION, "too slow: reconnect and subscribe with last_seq to resume");
        } catch (ExecutionException | RuntimeException e) {
            LOG.debug("socket {} of {} failed while writing; closing it", id, user, e);
            close(GOING_AWAY, "write failed");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return false;
    }
}
