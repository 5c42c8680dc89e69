package io.confab.redis;

import io.confab.domain.UserId;
import io.confab.domain.port.RateDecision;
import io.confab.domain.port.RateLimiter;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import redis.clients.jedis.exceptions.JedisException;

/**
 * A fixed-window limiter shared by every instance: one counter per user and window, incremented
 * atomically by a Lua script (INCR, and PEXPIRE on the first hit). Windows follow the injected
 * clock. While Redis is down it lets turns through: a limiter outage must not stop the chat.
 */
final class RedisRateLimiter implements RateLimiter {

    private static final String SCRIPT = """
            local n = redis.call('INCR', KEYS[1])
            if n == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
            return n
            """;

    private final RedisLink link;
    private final RedisKeys keys;
    private final RedisHealth health;
    private final int permits;
    private final long windowMillis;
    private final Clock clock;

    RedisRateLimiter(RedisLink link, RedisKeys keys, RedisHealth health, RedisSettings settings, Clock clock) {
        this.link = link;
        this.keys = keys;
        this.health = health;
        this.permits = settings.turnsPerWindow();
        this.windowMillis = settings.rateWindow().toMillis();
        this.clock = clock;
    }

    @Override
    public RateDecision acquire(UserId user) {
        long now = clock.millis();
        long window = Math.floorDiv(now, windowMillis);
        long taken;
        try {
            taken = (Long) link.call(client -> client.eval(SCRIPT, List.of(keys.rateWindow(user, window)),
                    List.of(Long.toString(2 * windowMillis))));
        } catch (JedisException e) {
            health.down(e);
            return new RateDecision.Allowed();
        }
        if (taken <= permits) {
            return new RateDecision.Allowed();
        }
        return new RateDecision.Limited(Duration.ofMillis((window + 1) * windowMillis - now));
    }
}
