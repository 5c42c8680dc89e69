package io.confab.redis;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicLong;
import redis.clients.jedis.exceptions.JedisException;

/**
 * Publishes to Redis off the caller's thread, in order: a turn never waits for Redis. While Redis
 * is down, messages are dropped (local listeners already got them; the store is the record).
 */
final class RedisPublisher implements AutoCloseable {

    static final int CAPACITY = 10_000;

    private final RedisLink link;
    private final RedisHealth health;
    private final BlockingQueue<Outgoing> queue = new LinkedBlockingQueue<>(CAPACITY);
    private final AtomicLong dropped = new AtomicLong();
    private final Thread thread;

    private record Outgoing(String channel, String payload) {
    }

    RedisPublisher(RedisLink link, RedisHealth health) {
        this.link = link;
        this.health = health;
        this.thread = Thread.ofVirtual().name("confab-redis-publisher").start(this::run);
    }

    void publish(String channel, String payload) {
        if (!health.isUp() || !queue.offer(new Outgoing(channel, payload))) {
            dropped.incrementAndGet();
        }
    }

    long dropped() {
        return dropped.get();
    }

    private void run() {
        try {
            while (true) {
                Outgoing next = queue.take();
                if (!health.isUp()) {
                    dropped.incrementAndGet();
                    continue;
                }
                try {
                    link.call(client -> client.publish(next.channel(), next.payload()));
                } catch (JedisException e) {
                    health.down(e);
                    dropped.incrementAndGet();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        thread.interrupt();
    }
}
