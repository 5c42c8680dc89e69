package io.confab.websocket;

import java.time.Duration;

/**
 * Limits of the WebSocket endpoint.
 *
 * @param maxFrameBytes      a larger client frame gets an {@code error} frame (the socket stays open)
 * @param outgoingQueueSize  frames waiting for one slow socket before it is closed with 1008
 * @param sendTimeout        how long one frame may wait for the peer to read before the socket is closed with 1008
 * @param heartbeatInterval  how often the server pings every socket
 * @param idleTimeout        a socket with no traffic for this long is closed
 */
public record WebSocketSettings(int maxFrameBytes, int outgoingQueueSize, Duration sendTimeout,
                                Duration heartbeatInterval, Duration idleTimeout) {

    /** Frames above this are refused by Jetty itself (close 1009): far above {@link #maxFrameBytes}. */
    static final int TRANSPORT_FRAME_LIMIT = 1024 * 1024;

    public WebSocketSettings {
        if (maxFrameBytes < 1 || maxFrameBytes > TRANSPORT_FRAME_LIMIT / 2 || outgoingQueueSize < 1) {
            throw new IllegalArgumentException("maxFrameBytes must be 1..512 KiB and outgoingQueueSize positive");
        }
        requirePositive(sendTimeout, "sendTimeout");
        requirePositive(heartbeatInterval, "heartbeatInterval");
        if (idleTimeout == null || idleTimeout.compareTo(heartbeatInterval) <= 0) {
            throw new IllegalArgumentException("idleTimeout must be longer than heartbeatInterval");
        }
    }

    /** 64 KiB frames, 1,024 queued frames, 10 s send timeout, pings every 20 s, 60 s idle timeout. */
    public static WebSocketSettings defaults() {
        return new WebSocketSettings(64 * 1024, 1024, Duration.ofSeconds(10), Duration.ofSeconds(20),
                Duration.ofSeconds(60));
    }

    public WebSocketSettings withOutgoingQueueSize(int size) {
        return new WebSocketSettings(maxFrameBytes, size, sendTimeout, heartbeatInterval, idleTimeout);
    }

    public WebSocketSettings withHeartbeat(Duration interval, Duration idle) {
        return new WebSocketSettings(maxFrameBytes, outgoingQueueSize, sendTimeout, interval, idle);
    }

    private static void requirePositive(Duration value, String name) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive");
        }
    }
}
