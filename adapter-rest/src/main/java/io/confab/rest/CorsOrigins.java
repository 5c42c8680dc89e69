package io.confab.rest;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The browser origins allowed to call the API cross-origin (SPEC §13), each exactly as a browser
 * sends it in {@code Origin}: {@code scheme://host[:port]}, lower case, no default port, no path (a trailing slash is dropped).
 * None (the default) means no CORS headers at all: same-origin pages only.
 */
public record CorsOrigins(Set<String> origins) {

    public CorsOrigins {
        origins = Set.copyOf(origins);
    }

    public static CorsOrigins none() {
        return new CorsOrigins(Set.of());
    }

    /**
     * Reads a comma-separated list such as {@code https://app.example.com,http://localhost:5173};
     * throws {@link IllegalArgumentException} naming the first entry that is not an origin.
     */
    public static CorsOrigins parse(String commaSeparated) {
        Set<String> origins = new LinkedHashSet<>();
        Arrays.stream(commaSeparated.split(","))
                .map(String::strip)
                .filter(entry -> !entry.isEmpty())
                .forEach(entry -> origins.add(origin(entry)));
        return new CorsOrigins(origins);
    }

    /** Whether any origin is allowed, that is whether CORS is on. */
    public boolean enabled() {
        return !origins.isEmpty();
    }

    /** Whether {@code origin} (the request's {@code Origin} header, may be null) is one of them. */
    boolean allows(String origin) {
        return origin != null && origins.contains(origin);
    }

    private static String origin(String entry) {
        URI uri;
        try {
            uri = new URI(entry);
        } catch (URISyntaxException e) {
            throw notAnOrigin(entry);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        boolean bare = uri.getRawUserInfo() == null && uri.getRawQuery() == null && uri.getRawFragment() == null
                && (uri.getRawPath() == null || uri.getRawPath().isEmpty() || uri.getRawPath().equals("/"));
        if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null || !bare) {
            throw notAnOrigin(entry);
        }
        int defaultPort = scheme.equals("http") ? 80 : 443;
        String port = uri.getPort() == -1 || uri.getPort() == defaultPort ? "" : ":" + uri.getPort();
        return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + port;
    }

    private static IllegalArgumentException notAnOrigin(String entry) {
        return new IllegalArgumentException("'" + entry + "' is not an origin (scheme://host[:port], "
                + "without a path or a trailing slash)");
    }
}
