package io.confab.redis;

import io.confab.application.memory.InMemoryEventBus;
import io.confab.domain.ConversationId;
import io.confab.domain.UserId;
import io.confab.domain.event.ChatEvent;
import io.confab.domain.event.ConversationEvent;
import io.confab.domain.port.EventBus;
import io.confab.domain.port.Subscription;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The event bus across instances: a Redis channel per conversation and per user. Events reach
 * this instance's listeners (an {@link InMemoryEventBus}) at once, on the publisher's thread,
 * whatever Redis does; Redis carries them to the other instances, and what comes back from Redis
 * that this instance published itself (tagged with its instance id) is ignored.
 *
 * <p>Payload: {@code <instance id>\n<event JSON>\n<owner>} (JSON text has no raw line breaks; an
 * owner id may).
 */
final class RedisEventBus implements EventBus {

    private static final Logger LOG = LoggerFactory.getLogger(RedisEventBus.class);

    private final RedisKeys keys;
    private final RedisPublisher publisher;
    private final String instanceId;
    private final InMemoryEventBus local = new InMemoryEventBus();

    RedisEventBus(RedisKeys keys, RedisPublisher publisher, String instanceId) {
        this.keys = keys;
        this.publisher = publisher;
        this.instanceId = instanceId;
    }

    @Override
    public void publish(UserId owner, ChatEvent event) {
        local.publish(owner, event);
        String channel = event instanceof ConversationEvent
                ? keys.userChannel(owner)
                : keys.conversationChannel(event.conversationId());
        publisher.publish(channel, instanceId + '\n' + RedisEventCodec.encode(event) + '\n' + owner.value());
    }

    @Override
    public Subscription subscribeConversation(ConversationId conversation, Consumer<ChatEvent> listener) {
        return local.subscribeConversation(conversation, listener);
    }

    @Override
    public Subscription subscribeUser(UserId user, Consumer<ChatEvent> listener) {
        return local.subscribeUser(user, listener);
    }

    @Override
    public Subscription subscribeUserConversations(UserId user, Consumer<ChatEvent> listener) {
        return local.subscribeUserConversations(user, listener);
    }

    /**
     * A message from the subscriber connection; decoded only when a local listener wants it. Every
     * instance already receives every conversation channel (one pattern subscription), so a
     * listener of all a user's conversations needs no channel of its own: the owner in the
     * envelope picks the messages it wants.
     */
    void onRedisMessage(String channel, String payload) {
        if (payload.startsWith(instanceId)) {
            return;
        }
        try {
            if (channel.startsWith(keys.conversationChannelPrefix())) {
                ConversationId conversation = ConversationId.parse(
                        channel.substring(keys.conversationChannelPrefix().length()));
                if (local.hasConversationListeners(conversation)
                        || local.hasUserConversationsListeners(envelopeOwner(payload))) {
                    deliverLocally(payload);
                }
            } else if (channel.startsWith(keys.userChannelPrefix())) {
                UserId user = new UserId(channel.substring(keys.userChannelPrefix().length()));
                if (local.hasUserListeners(user)) {
                    deliverLocally(payload);
                }
            }
        } catch (RuntimeException e) {
            LOG.warn("ignored a malformed message on Redis channel {}: {}", channel, e.toString());
        }
    }

    /** Decodes the envelope and hands the event to this instance's listeners, as its owner published it. */
    private void deliverLocally(String payload) {
        int afterOrigin = payload.indexOf('\n');
        int afterEvent = afterEvent(payload, afterOrigin);
        UserId owner = new UserId(payload.substring(afterEvent + 1));
        local.publish(owner, RedisEventCodec.decode(payload.substring(afterOrigin + 1, afterEvent), owner));
    }

    /** The owner an envelope names, read without decoding its event. */
    private static UserId envelopeOwner(String payload) {
        return new UserId(payload.substring(afterEvent(payload, payload.indexOf('\n')) + 1));
    }

    private static int afterEvent(String payload, int afterOrigin) {
        int afterEvent = afterOrigin < 0 ? -1 : payload.indexOf('\n', afterOrigin + 1);
        if (afterEvent < 0) {
            throw new IllegalArgumentException("not an event envelope");
        }
        return afterEvent;
    }
}
