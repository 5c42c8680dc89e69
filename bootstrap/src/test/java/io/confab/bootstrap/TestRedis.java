package io.confab.bootstrap;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.UUID;
import redis.embedded.RedisServer;

/**
 * The Redis of the tests: {@code CONFAB_TEST_REDIS_URL} when set, else one embedded redis-server
 * per test JVM; each caller takes its own key prefix. Outage tests start an {@link Embedded} of
 * their own, which they may stop and start again.
 */
final class TestRedis {

    private static String sharedUrl;

    private TestRedis() {
    }

    static synchronized String url() {
        if (sharedUrl == null) {
            String configured = System.getenv("CONFAB_TEST_REDIS_URL");
            sharedUrl = configured != null && !configured.isBlank() ? configured : Embedded.start().url();
        }
        return sharedUrl;
    }

    static String freshKeyPrefix() {
        return "it-" + UUID.randomUUID();
    }

    /** A redis-server of the caller's own, on a fixed port so it can come back at the same URL. */
    static final class Embedded implements AutoCloseable {

        private final int port;
        private RedisServer server;

        private Embedded(int port) {
            this.port = port;
        }

        static Embedded start() {
            Embedded embedded = new Embedded(freePort());
            embedded.restart();
            return embedded;
        }

        String url() {
            return "redis://127.0.0.1:" + port;
        }

        void stop() {
            try {
                server.stop();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        void restart() {
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

        private static int freePort() {
            try (ServerSocket socket = new ServerSocket(0)) {
                return socket.getLocalPort();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
