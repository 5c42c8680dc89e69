package io.confab.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.confab.domain.ConversationId;
import io.confab.domain.TurnId;
import io.confab.domain.event.TurnEvent;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.RedisClient;

/** What the contract leaves to each adapter: how long and how much of a turn is kept. */
class RedisEventLogRetentionTest {

    @Test
    void aTurnsStreamAndTheLatestTurnKey_expireAfterTheConfiguredTtl_andARepeatedSeqIsStoredOnce() {
        RedisSettings settings = TestRedis.settings();
        ConversationId conversation = new ConversationId(UUID.randomUUID());
        TurnId turn = new TurnId(UUID.randomUUID());
        TurnEvent first = new TurnEvent.AgentThinking(turn, conversation, 1, Instant.now(), "Thinking…");
        try (RedisAdapters adapters = RedisAdapters.connect(TestRedis.url(), settings, Clock.systemUTC());
             RedisClient redis = RedisClient.create(java.net.URI.create(TestRedis.url()))) {
            adapters.eventLog().append(first);
            adapters.eventLog().append(first);

            RedisKeys keys = new RedisKeys(settings.keyPrefix());
            assertThat(redis.pttl(keys.turnLog(turn))).isPositive().isLessThanOrEqualTo(settings.eventLogTtl().toMillis());
            assertThat(redis.pttl(keys.latestTurn(conversation))).isPositive();
            assertThat(adapters.eventLog().readAfter(turn, 0)).containsExactly(first);
        }
    }
}
