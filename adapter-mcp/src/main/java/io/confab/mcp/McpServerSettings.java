package io.confab.mcp;

import java.net.URI;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * How the {@code /mcp} endpoint is exposed: its path, and which browser origins may call it.
 * Requests without an {@code Origin} header (non-browser clients) and from localhost are always
 * allowed; {@code "*"} allows every origin.
 */
public record McpServerSettings(String path, Set<String> allowedOrigins) {

    public static final String DEFAULT_PATH = "/mcp";

    private static final Set<String> LOCAL_HOSTS = Set.of("localhost", "127.0.0.1", "[::1]", "::1");

    public McpServerSettings {
        Objects.requireNonNull(path, "path");
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("path must start with /");
        }
        allowedOrigins = Set.copyOf(allowedOrigins);
    }

    /** {@code /mcp}, no foreign origin allowed. */
    public static McpServerSettings defaults() {
        return new McpServerSettings(DEFAULT_PATH, Set.of());
    }

    public McpServerSettings withAllowedOrigins(Set<String> origins) {
        return new McpServerSettings(path, origins);
    }

    boolean allowsOrigin(String origin) {
        if (origin == null || allowedOrigins.contains("*") || allowedOrigins.contains(origin)) {
            return true;
        }
        try {
            String host = URI.create(origin).getHost();
            return host != null && LOCAL_HOSTS.contains(host.toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
