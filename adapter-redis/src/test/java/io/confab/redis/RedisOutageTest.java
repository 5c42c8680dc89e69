package io.confab.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.confab.domain.ConversationId;
import io.confab.domain.TurnId;
import io.confab.domain.UserId;
import io.confab.domain.event.ChatEvent;
import io.confab.domain.event.TurnEvent;
import io.confab.domain.port.RateDecision;
import io.confab.domain.port.StoreUnavailableException;
import io.confab.domain.port.Subscription;
import io.confab.testkit.Await;
import io.confab.testkit.EventRecorder;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Redis going away and coming back, with an embedded redis-server the test stops and restarts. */
class RedisOutageTest {

    private final UserId alice = new UserId("alice");
    private final ConversationId conversation = new ConversationId(UUID.randomUUID());
    private final TurnId turn = new TurnId(UUID.randomUUID());
    private TestRedis.Embedded redis;
    private RedisAdapters a;
    private RedisAdapters b;

    @BeforeEach
    void start() {
        redis = TestRedis.Embedded.start();
        RedisSettings settings = TestRedis.settings();
        a = RedisAdapters.connect(redis.url(), settings, Clock.systemUTC());
        b = RedisAdapters.connect(redis.url(), settings, Clock.systemUTC());
    }

    @AfterEach
    void stop() {
        a.close();
        b.close();
        redis.close();
    }

    @Test
    void redisStopped_localDeliveryGoesOn_statusIsDegraded_andAfterARestartFanOutWorksAgain() {
        EventRecorder<ChatEvent> onA = new EventRecorder<>();
        EventRecorder<ChatEvent> onB = new EventRecorder<>();
        try (Subscription ignoredA = a.eventBus().subscribeConversation(conversation, onA);
             Subscription ignoredB = b.eventBus().subscribeConversation(conversation, onB)) {
            a.eventBus().publish(alice, thinking(1));
            onB.awaitCount(1);

            redis.stop();
            Await.until("both instances degraded", () -> a.status() == RedisAdapters.Status.DEGRADED && b.status() == RedisAdapters.Status.DEGRADED);
            a.eventBus().publish(alice, thinking(2));
            assertThat(onA.awaitCount(2)).extracting(ChatEvent::seq).containsExactly(1L, 2L);

            redis.restart();
            Await.until("both instances up", () -> a.status() == RedisAdapters.Status.UP && b.status() == RedisAdapters.Status.UP);
            a.eventBus().publish(alice, thinking(3));

            assertThat(onB.awaitCount(2)).extracting(ChatEvent::seq).containsExactly(1L, 3L);
        }
    }

    @Test
    void redisStopped_appendsAreSkipped_readsFailClearly_andTurnsAreNotLimited() {
        redis.stop();
        Await.until("degraded", () -> a.status() == RedisAdapters.Status.DEGRADED);

        a.eventLog().append(thinking(1));

        assertThatThrownBy(() -> a.eventLog().readAfter(turn, 0)).isInstanceOf(StoreUnavailableException.class);
        assertThat(a.rateLimiter().acquire(alice)).isInstanceOf(RateDecision.Allowed.class);
    }

    private TurnEvent thinking(long seq) {
        return new TurnEvent.AgentThinking(turn, conversation, seq, Instant.now(), "Thinking…");
    }

}
