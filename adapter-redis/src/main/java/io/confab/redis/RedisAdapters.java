package io.confab.redis;

import io.confab.domain.port.EventBus;
import io.confab.domain.port.EventLog;
import io.confab.domain.port.RateLimiter;
import java.time.Clock;
import java.util.UUID;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.exceptions.JedisException;

/**
 * The Redis adapters of one instance (event bus on pub/sub, event log on Streams, shared rate
 * limiter) over one connection pool and one subscriber connection, with their health. The public
 * entry of the Redis side: {@code RedisAdapters.connect(url, settings, clock)}, then hand the ports
 * to the application and {@link #status()} to readiness; {@link #close()} on shutdown.
 */
public final class RedisAdapters implements AutoCloseable {

    /** What readiness shows: {@code UP}, or {@code DEGRADED} while Redis is unreachable (local delivery only). */
    public enum Status { UP, DEGRADED }

    private final RedisLink link;
    private final RedisHealth health;
    private final RedisPublisher publisher;
    private final RedisSubscriber subscriber;
    private final RedisEventBus eventBus;
    private final RedisEventLog eventLog;
    private final RedisRateLimiter rateLimiter;
    private final Thread healthCheck;
    private final RedisSettings settings;
    private volatile boolean open = true;

    private RedisAdapters(String redisUrl, RedisSettings settings, Clock clock) {
        this.settings = settings;
        RedisKeys keys = new RedisKeys(settings.keyPrefix());
        this.link = RedisLink.open(redisUrl, settings.commandTimeout());
        this.health = new RedisHealth();
        this.publisher = new RedisPublisher(link, health);
        this.eventBus = new RedisEventBus(keys, publisher, UUID.randomUUID().toString());
        this.eventLog = new RedisEventLog(link, keys, health, settings);
        this.rateLimiter = new RedisRateLimiter(link, keys, health, settings, clock);
        this.subscriber = new RedisSubscriber(link, keys.channelPatterns(), eventBus::onRedisMessage, health,
                this::checkHealth, settings.maxBackoff());
        this.healthCheck = Thread.ofVirtual().name("confab-redis-health").start(this::runHealthChecks);
    }

    /**
     * Connects to {@code redisUrl} ({@code redis://[user:password@]host:port[/db]}) and waits up to
     * the command timeout for the subscription. An unreachable Redis does not fail start-up: the
     * adapters start {@link Status#DEGRADED} and keep reconnecting.
     *
     * @throws IllegalArgumentException when the URL is malformed
     */
    public static RedisAdapters connect(String redisUrl, RedisSettings settings, Clock clock) {
        RedisAdapters adapters = new RedisAdapters(redisUrl, settings, clock);
        try {
            if (adapters.subscriber.awaitSubscribed(settings.commandTimeout())) {
                adapters.checkHealth();
            } else {
                adapters.health.down(new IllegalStateException("no answer within " + settings.commandTimeout()));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return adapters;
    }

    public EventBus eventBus() {
        return eventBus;
    }

    public EventLog eventLog() {
        return eventLog;
    }

    public RateLimiter rateLimiter() {
        return rateLimiter;
    }

    public Status status() {
        return health.isUp() ? Status.UP : Status.DEGRADED;
    }

    /** Events not carried to other instances (Redis down or the publish queue full) since start. */
    public long droppedPublications() {
        return publisher.dropped();
    }

    @Override
    public void close() {
        open = false;
        health.close();
        healthCheck.interrupt();
        subscriber.close();
        publisher.close();
        link.close();
    }

    private void runHealthChecks() {
        while (open) {
            try {
                Thread.sleep(settings.healthCheckInterval());
            } catch (InterruptedException e) {
                return;
            }
            checkHealth();
        }
    }

    /** Up when a PING answers and the subscriber listens; a failed PING also drops the subscriber's connection. */
    private void checkHealth() {
        try {
            link.call(RedisClient::ping);
            if (subscriber != null && subscriber.isSubscribed()) {
                health.up();
            }
        } catch (JedisException e) {
            health.down(e);
            if (subscriber != null) {
                subscriber.reconnect();
            }
        }
    }
}
