package io.confab.redis;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.function.Function;
import redis.clients.jedis.Connection;
import redis.clients.jedis.ConnectionPoolConfig;
import redis.clients.jedis.exceptions.JedisConnectionException;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.JedisClientConfig;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.util.JedisURIHelper;

/**
 * The connections to one Redis: a pooled client for commands, and a way to open the dedicated
 * connection a pub/sub subscriber holds. Passwords stay inside the jedis configuration.
 */
final class RedisLink implements AutoCloseable {

    private static final int MAX_CONNECTIONS = 32;

    private final HostAndPort address;
    private final JedisClientConfig config;
    private final RedisClient client;

    private RedisLink(HostAndPort address, JedisClientConfig config, RedisClient client) {
        this.address = address;
        this.config = config;
        this.client = client;
    }

    /** Parses {@code redis://[user:password@]host:port[/db]} (or {@code rediss://}); connects lazily. */
    static RedisLink open(String redisUrl, Duration timeout) {
        URI uri = parse(redisUrl);
        int millis = Math.toIntExact(timeout.toMillis());
        DefaultJedisClientConfig.Builder config = DefaultJedisClientConfig.builder()
                .connectionTimeoutMillis(millis)
                .socketTimeoutMillis(millis)
                .user(JedisURIHelper.getUser(uri))
                .password(JedisURIHelper.getPassword(uri))
                .ssl(JedisURIHelper.isRedisSSLScheme(uri))
                .clientName("confab");
        if (JedisURIHelper.hasDbIndex(uri)) {
            config.database(JedisURIHelper.getDBIndex(uri));
        }
        ConnectionPoolConfig pool = new ConnectionPoolConfig();
        pool.setMaxTotal(MAX_CONNECTIONS);
        pool.setMaxIdle(MAX_CONNECTIONS);
        pool.setMaxWait(timeout);
        pool.setTestWhileIdle(true);
        HostAndPort address = JedisURIHelper.getHostAndPort(uri);
        JedisClientConfig clientConfig = config.build();
        RedisClient client = RedisClient.builder()
                .hostAndPort(address)
                .clientConfig(clientConfig)
                .poolConfig(pool)
                .build();
        return new RedisLink(address, clientConfig, client);
    }

    /**
     * Runs a command on a pooled connection, and once more when that connection turns out to be
     * stale: after a Redis restart the pool still holds connections to the old server, whose first
     * use fails (and the pool discards them). A Redis that is really down fails both times.
     */
    <T> T call(Function<RedisClient, T> command) {
        try {
            return command.apply(client);
        } catch (JedisConnectionException stale) {
            return command.apply(client);
        }
    }

    /** A new connection outside the pool, for a subscriber that blocks on it. */
    Connection newConnection() {
        return new Connection(address, config);
    }

    @Override
    public void close() {
        client.close();
    }

    private static URI parse(String redisUrl) {
        try {
            URI uri = new URI(redisUrl);
            if (!JedisURIHelper.isValid(uri) || !JedisURIHelper.isRedisScheme(uri) && !JedisURIHelper.isRedisSSLScheme(uri)) {
                throw new IllegalArgumentException("CONFAB_REDIS_URL must look like redis://host:6379");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("CONFAB_REDIS_URL is not a valid URL", e);
        }
    }
}
