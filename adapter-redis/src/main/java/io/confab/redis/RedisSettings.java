package io.confab.redis;

import java.time.Duration;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * How the Redis adapters behave. {@code keyPrefix} namespaces every key and channel, so several
 * deployments (or test runs) can share one Redis.
 *
 * @param keyPrefix           prefix of keys and channels: letters, digits, {@code . _ -}
 * @param turnsPerWindow      turns a user may start per {@code rateWindow}, across all instances
 * @param rateWindow          the rate limiter's fixed window
 * @param eventLogMaxLength   events kept per turn (stream MAXLEN, approximate)
 * @param eventLogTtl         how long a turn's events stay replayable after its last event
 * @param commandTimeout      connect and socket timeout of every Redis command
 * @param healthCheckInterval how often the connection is checked (PING) while up or down
 * @param maxBackoff          the longest wait between reconnection attempts
 */
public record RedisSettings(String keyPrefix, int turnsPerWindow, Duration rateWindow, long eventLogMaxLength,
                            Duration eventLogTtl, Duration commandTimeout, Duration healthCheckInterval,
                            Duration maxBackoff) {

    private static final Pattern PREFIX = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    public RedisSettings {
        Objects.requireNonNull(keyPrefix, "keyPrefix");
        if (!PREFIX.matcher(keyPrefix).matches()) {
            throw new IllegalArgumentException("keyPrefix must be 1-64 letters, digits, '.', '_' or '-'");
        }
        if (turnsPerWindow < 1 || eventLogMaxLength < 1) {
            throw new IllegalArgumentException("turnsPerWindow and eventLogMaxLength must be positive");
        }
        requirePositive(rateWindow, "rateWindow");
        requirePositive(eventLogTtl, "eventLogTtl");
        requirePositive(commandTimeout, "commandTimeout");
        requirePositive(healthCheckInterval, "healthCheckInterval");
        requirePositive(maxBackoff, "maxBackoff");
    }

    /** Prefix {@code confab}, 30 turns per minute, 10,000 events per turn kept for an hour, 2 s timeouts. */
    public static RedisSettings defaults() {
        return new RedisSettings("confab", 30, Duration.ofMinutes(1), 10_000, Duration.ofHours(1),
                Duration.ofSeconds(2), Duration.ofSeconds(1), Duration.ofSeconds(5));
    }

    public RedisSettings withKeyPrefix(String prefix) {
        return new RedisSettings(prefix, turnsPerWindow, rateWindow, eventLogMaxLength, eventLogTtl, commandTimeout,
                healthCheckInterval, maxBackoff);
    }

    /** {@code turns} per user per minute (CONFAB_RATE_LIMIT). */
    public RedisSettings withTurnsPerMinute(int turns) {
        return new RedisSettings(keyPrefix, turns, Duration.ofMinutes(1), eventLogMaxLength, eventLogTtl,
                commandTimeout, healthCheckInterval, maxBackoff);
    }

    public RedisSettings withHealthCheckInterval(Duration interval) {
        return new RedisSettings(keyPrefix, turnsPerWindow, rateWindow, eventLogMaxLength, eventLogTtl,
                commandTimeout, interval, maxBackoff);
    }

    private static void requirePositive(Duration value, String name) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive");
        }
    }
}
