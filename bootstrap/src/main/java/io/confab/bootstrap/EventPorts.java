package io.confab.bootstrap;

import io.confab.application.memory.InMemoryEventBus;
import io.confab.application.memory.InMemoryEventLog;
import io.confab.application.memory.InMemoryRateLimiter;
import io.confab.domain.port.EventBus;
import io.confab.domain.port.EventLog;
import io.confab.domain.port.RateLimiter;
import io.confab.redis.RedisAdapters;
import io.confab.redis.RedisSettings;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;

/**
 * The event bus, event log and rate limiter of this instance: on Redis when
 * {@code CONFAB_REDIS_URL} is set (shared by every instance), else in process. One instance of
 * each, handed to the application and to the WebSocket API alike.
 */
final class EventPorts implements AutoCloseable {

    final EventBus bus;
    final EventLog log;
    final RateLimiter rateLimiter;
    private final Optional<RedisAdapters> redis;

    private EventPorts(EventBus bus, EventLog log, RateLimiter rateLimiter, Optional<RedisAdapters> redis) {
        this.bus = bus;
        this.log = log;
        this.rateLimiter = rateLimiter;
        this.redis = redis;
    }

    static EventPorts from(ConfabConfig config, Clock clock) {
        if (config.redisUrl().isEmpty()) {
            return new EventPorts(new InMemoryEventBus(), new InMemoryEventLog(clock, InMemoryEventLog.DEFAULT_TTL,
                    InMemoryEventLog.DEFAULT_MAX_TURNS, config.eventLogMaxBytes()),
                    InMemoryRateLimiter.perMinute(config.rateLimitPerMinute(), clock), Optional.empty());
        }
        RedisAdapters redis;
        try {
            redis = RedisAdapters.connect(config.redisUrl().get().toString(), RedisSettings.defaults()
                    .withKeyPrefix(config.redisKeyPrefix())
                    .withTurnsPerMinute(config.rateLimitPerMinute()), clock);
        } catch (IllegalArgumentException e) {
            throw new ConfigException("CONFAB_REDIS_URL", "is not usable: " + e.getMessage());
        }
        return new EventPorts(redis.eventBus(), new EventLogOutages(redis.eventLog()), redis.rateLimiter(), Optional.of(redis));
    }

    boolean onRedis() {
        return redis.isPresent();
    }

    /**
     * Readiness detail of Redis: {@code up} or {@code degraded}. Degraded never fails readiness:
     * the instance still serves its own clients (local delivery; the store is the record), only
     * the fan-out to other instances and resuming elsewhere wait for Redis to return.
     */
    Map<String, Object> redisReadiness() {
        return redis.<Map<String, Object>>map(adapters -> Map.of(
                        "status", adapters.status() == RedisAdapters.Status.UP ? "up" : "degraded",
                        "dropped_publications", adapters.droppedPublications()))
                .orElseGet(() -> Map.of("status", "not configured"));
    }

    /** Events not carried to other instances since start (0 without Redis). */
    long droppedPublications() {
        return redis.map(RedisAdapters::droppedPublications).orElse(0L);
    }

    @Override
    public void close() {
        redis.ifPresent(RedisAdapters::close);
    }
}
