package io.confab.rest;

import java.time.Duration;
import java.util.Objects;

/** Limits, timings and the cross-origin callers (CORS) of the HTTP API. */
public record RestSettings(int maxBodyBytes, Duration sseHeartbeat, CorsOrigins corsOrigins) {

    public static final int DEFAULT_MAX_BODY_BYTES = 64 * 1024;
    public static final Duration DEFAULT_SSE_HEARTBEAT = Duration.ofSeconds(15);

    public RestSettings {
        if (maxBodyBytes < 1024) {
            throw new IllegalArgumentException("maxBodyBytes must be at least 1024");
        }
        Objects.requireNonNull(sseHeartbeat, "sseHeartbeat");
        if (sseHeartbeat.isNegative() || sseHeartbeat.isZero()) {
            throw new IllegalArgumentException("sseHeartbeat must be positive");
        }
        Objects.requireNonNull(corsOrigins, "corsOrigins");
    }

    public static RestSettings defaults() {
        return new RestSettings(DEFAULT_MAX_BODY_BYTES, DEFAULT_SSE_HEARTBEAT, CorsOrigins.none());
    }

    public RestSettings withSseHeartbeat(Duration heartbeat) {
        return new RestSettings(maxBodyBytes, heartbeat, corsOrigins);
    }

    public RestSettings withCorsOrigins(CorsOrigins origins) {
        return new RestSettings(maxBodyBytes, sseHeartbeat, origins);
    }
}
