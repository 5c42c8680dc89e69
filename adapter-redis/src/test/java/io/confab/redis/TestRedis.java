package io.confab.redis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import redis.embedded.RedisServer;

/**
 * The Redis the tests use: {@code CONFAB_TEST_REDIS_URL} when set, else one embedded redis-server
 * for the whole run. Every test takes its own key prefix, so tests never see each other's data.
 */
public final class TestRedis {

    private static String sharedUrl;

    private TestRedis() {
    }

    public static synchronized String url() {
        if (sharedUrl == null) {
            String configured = System.getenv("CONFAB_TEST_REDIS_URL");
            sharedUrl = configured != null && !configured.isBlank() ? configured : Embedded.start().url();
        }
        return sharedUrl;
    }

    /** A key prefix no other test uses. */
    public static String freshKeyPrefix() {
        return "test-" + UUID.randomUUID();
    }

    /** A fresh key prefix with a fast health check, so outage tests do not wait long. */
    public static RedisSettings settings() {
        return RedisSettings.defaults()
                .withKeyPrefix(freshKeyPrefix())
                .withHealthCheckInterval(Duration.ofMillis(100));
    }

    /** An embedded redis-server of the test's own, which the test may stop and start again. */
    public static final class Embedded implements AutoCloseable {

        private final int port;
        private RedisServer server;

        private Embedded(int port) {
            this.port = port;
        }

        public static Embedded start() {
            Embedded embedded = new Embedded(freePort());
            embedded.restart();
            return embedded;
        }

        public String url() {
            return "redis://127.0.0.1:" + port;
        }

        public void stop() {
            try {
                server.stop();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** Starts the server again on the same port (empty: embedded servers keep nothing on disk). */
        public void restart() {
            try {
                server = new RedisServer(port);
                server.start();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void close() {
            stop();
        }

        /**
         * A free port below Linux's ephemeral range (32768+): while the server is stopped, a client
         * reconnecting to a port in that range can connect to itself (TCP simultaneous open) and
         * take its own PING for an answer.
         */
        private static int freePort() {
            for (int port = 20_000 + ThreadLocalRandom.current().nextInt(10_000); ; port++) {
                try (ServerSocket socket = new ServerSocket(port)) {
                    return socket.getLocalPort();
                } catch (IOException e) {
                    // taken: try the next one
                }
            }
        }
    }
}
