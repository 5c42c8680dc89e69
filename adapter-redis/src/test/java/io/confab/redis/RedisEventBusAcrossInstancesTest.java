package io.confab.redis;

import io.confab.domain.ConversationId;
import io.confab.domain.UserId;
import io.confab.domain.event.ChatEvent;
import io.confab.domain.port.EventBus;
import io.confab.domain.port.Subscription;
import io.confab.testkit.contract.EventBusContract;
import java.time.Clock;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;

/** The event bus contract across two instances: events published on A reach listeners on B only through Redis. */
class RedisEventBusAcrossInstancesTest extends EventBusContract {

    private RedisAdapters publishing;
    private RedisAdapters listening;

    @Override
    protected EventBus eventBus() {
        RedisSettings settings = TestRedis.settings();
        publishing = RedisAdapters.connect(TestRedis.url(), settings, Clock.systemUTC());
        listening = RedisAdapters.connect(TestRedis.url(), settings, Clock.systemUTC());
        return new EventBus() {
            @Override
            public void publish(UserId owner, ChatEvent event) {
                publishing.eventBus().publish(owner, event);
            }

            @Override
            public Subscription subscribeConversation(ConversationId conversation, Consumer<ChatEvent> listener) {
                return listening.eventBus().subscribeConversation(conversation, listener);
            }

            @Override
            public Subscription subscribeUser(UserId user, Consumer<ChatEvent> listener) {
                return listening.eventBus().subscribeUser(user, listener);
            }

            @Override
            public Subscription subscribeUserConversations(UserId user, Consumer<ChatEvent> listener) {
                return listening.eventBus().subscribeUserConversations(user, listener);
            }
        };
    }

    @AfterEach
    void close() {
        publishing.close();
        listening.close();
    }
}
