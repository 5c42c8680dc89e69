package io.confab.redis;

import io.confab.domain.ConversationId;
import io.confab.domain.TurnId;
import io.confab.domain.event.TurnEvent;
import io.confab.domain.port.EventLog;
import io.confab.domain.port.StoreUnavailableException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.exceptions.JedisDataException;
import redis.clients.jedis.exceptions.JedisException;
import redis.clients.jedis.params.SetParams;
import redis.clients.jedis.params.XAddParams;

/**
 * The event log on Redis Streams: one stream per turn whose entry ids are {@code <seq>-0}, so
 * "after seq n" is a range read and a repeated append is rejected by Redis itself. Streams are
 * capped (MAXLEN) and expire {@code eventLogTtl} after their last event; a key per conversation
 * names its latest turn. While Redis is down appends are skipped (the turn goes on; the store
 * keeps every message) and reads fail with {@link StoreUnavailableException}.
 */
final class RedisEventLog implements EventLog {

    private static final String FIELD = "e";

    private final RedisLink link;
    private final RedisKeys keys;
    private final RedisHealth health;
    private final RedisSettings settings;

    RedisEventLog(RedisLink link, RedisKeys keys, RedisHealth health, RedisSettings settings) {
        this.link = link;
        this.keys = keys;
        this.health = health;
        this.settings = settings;
    }

    @Override
    public void append(TurnEvent event) {
        if (!health.isUp()) {
            return;
        }
        String stream = keys.turnLog(event.turnId());
        long ttl = settings.eventLogTtl().toMillis();
        try {
            link.call(client -> {
                try (AbstractPipeline pipeline = client.pipelined()) {
                    var added = pipeline.xadd(stream, XAddParams.xAddParams()
                                    .id(new StreamEntryID(event.seq(), 0))
                                    .maxLen(settings.eventLogMaxLength())
                                    .approximateTrimming(),
                            Map.of(FIELD, RedisEventCodec.encode(event)));
                    pipeline.pexpire(stream, ttl);
                    if (event.seq() == 1) {
                        pipeline.set(keys.latestTurn(event.conversationId()), event.turnId().toString(),
                                SetParams.setParams().px(ttl));
                    }
                    pipeline.sync();
                    return added.get();
                }
            });
        } catch (JedisDataException e) {
            // a repeated append of the same seq: the log already holds it
        } catch (JedisException e) {
            health.down(e);
        }
    }

    @Override
    public List<TurnEvent> readAfter(TurnId turn, long afterSeq) {
        try {
            return link.call(client -> client.xrange(keys.turnLog(turn), new StreamEntryID(afterSeq + 1, 0).toString(), "+"))
                    .stream()
                    .map(entry -> RedisEventCodec.decodeTurnEvent(entry.getFields().get(FIELD)))
                    .toList();
        } catch (JedisException e) {
            health.down(e);
            throw new StoreUnavailableException("the event log (Redis) is unavailable", e);
        }
    }

    @Override
    public Optional<TurnId> latestTurn(ConversationId conversation) {
        try {
            return Optional.ofNullable(link.call(client -> client.get(keys.latestTurn(conversation)))).map(TurnId::parse);
        } catch (JedisException e) {
            health.down(e);
            throw new StoreUnavailableException("the event log (Redis) is unavailable", e);
        }
    }
}
