package io.confab.redis;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import redis.clients.jedis.Connection;
import redis.clients.jedis.JedisPubSub;
import redis.clients.jedis.exceptions.JedisException;

/**
 * Holds this instance's one subscriber connection (pattern subscriptions to every channel of the
 * prefix) on its own thread; when the connection is lost it reconnects with exponential backoff
 * and subscribes again.
 */
final class RedisSubscriber implements AutoCloseable {

    private static final Duration MIN_BACKOFF = Duration.ofMillis(50);

    private final RedisLink link;
    private final String[] patterns;
    private final BiConsumer<String, String> onMessage;
    private final RedisHealth health;
    private final Runnable onSubscribed;
    private final Duration maxBackoff;
    private final Thread thread;
    private final CountDownLatch firstSubscription = new CountDownLatch(1);
    private volatile boolean running = true;
    private volatile boolean subscribed;
    private volatile Connection connection;

    RedisSubscriber(RedisLink link, String[] patterns, BiConsumer<String, String> onMessage, RedisHealth health,
                    Runnable onSubscribed, Duration maxBackoff) {
        this.link = link;
        this.patterns = patterns.clone();
        this.onMessage = onMessage;
        this.health = health;
        this.onSubscribed = onSubscribed;
        this.maxBackoff = maxBackoff;
        this.thread = Thread.ofPlatform().daemon().name("confab-redis-subscriber").start(this::run);
    }

    boolean isSubscribed() {
        return subscribed;
    }

    /** Waits until the first subscription is active; false when Redis did not answer in time. */
    boolean awaitSubscribed(Duration timeout) throws InterruptedException {
        return firstSubscription.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Drops the connection (it may be half-open); the loop reconnects. */
    void reconnect() {
        Connection current = connection;
        if (current != null) {
            current.disconnect();
        }
    }

    private void run() {
        Duration backoff = MIN_BACKOFF;
        while (running) {
            try (Connection opened = link.newConnection()) {
                connection = opened;
                opened.connect();
                backoff = MIN_BACKOFF;
                new Listener().proceedWithPatterns(opened, patterns);
            } catch (JedisException e) {
                if (running) {
                    health.down(e);
                }
            } finally {
                subscribed = false;
                connection = null;
            }
            if (running) {
                sleep(backoff);
                backoff = backoff.multipliedBy(2).compareTo(maxBackoff) > 0 ? maxBackoff : backoff.multipliedBy(2);
            }
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        running = false;
        reconnect();
        thread.interrupt();
    }

    /** Receives what the patterns match. */
    private final class Listener extends JedisPubSub {
        @Override
        public void onPSubscribe(String pattern, int subscribedChannels) {
            if (subscribedChannels == patterns.length) {
                subscribed = true;
                firstSubscription.countDown();
                onSubscribed.run();
            }
        }

        @Override
        public void onPMessage(String pattern, String channel, String message) {
            onMessage.accept(channel, message);
        }
    }
}
