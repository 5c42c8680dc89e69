package io.confab.rest;

import io.jsonwebtoken.JwsHeader;
import io.jsonwebtoken.LocatorAdapter;
import io.jsonwebtoken.UnsupportedJwtException;
import io.jsonwebtoken.security.Jwk;
import io.jsonwebtoken.security.Jwks;
import io.jsonwebtoken.security.PublicJwk;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.Key;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Public keys from a JWKS URL, by {@code kid}. Fetched on first use, kept for {@link #TTL}, and
 * fetched again when a token names an unknown {@code kid} — at most once per refresh interval, so
 * tokens with made-up key ids cannot hammer the key server. A failed fetch keeps the old keys.
 */
final class JwksKeys extends LocatorAdapter<Key> {

    static final Duration TTL = Duration.ofMinutes(15);
    static final Duration MIN_REFRESH = Duration.ofSeconds(30);
    private static final Logger LOG = LoggerFactory.getLogger(JwksKeys.class);

    private record KeySet(Map<String, PublicJwk<?>> byId, Instant fetchedAt) {
    }

    private final URI url;
    private final HttpClient http;
    private final Clock clock;
    private final Duration minRefresh;
    private volatile KeySet keys = new KeySet(Map.of(), Instant.MIN);
    private Instant lastAttempt = Instant.MIN;

    JwksKeys(URI url, HttpClient http, Clock clock, Duration minRefresh) {
        this.url = url;
        this.http = http;
        this.clock = clock;
        this.minRefresh = minRefresh;
    }

    @Override
    protected Key locate(JwsHeader header) {
        String kid = header.getKeyId();
        if (kid == null) {
            throw new UnsupportedJwtException("a kid is required");
        }
        KeySet current = keys;
        if (!current.byId().containsKey(kid) || clock.instant().isAfter(current.fetchedAt().plus(TTL))) {
            current = refresh();
        }
        PublicJwk<?> jwk = current.byId().get(kid);
        if (jwk == null) {
            throw new UnsupportedJwtException("unknown kid");
        }
        PublicKey key = jwk.toKey();
        String expected = FixedKey.algorithmFor(key);
        if (!expected.equals(header.getAlgorithm())
                || (jwk.getAlgorithm() != null && !jwk.getAlgorithm().equals(header.getAlgorithm()))) {
            throw new UnsupportedJwtException("algorithm " + header.getAlgorithm() + " is not accepted for this key");
        }
        return key;
    }

    private synchronized KeySet refresh() {
        Instant now = clock.instant();
        if (now.isBefore(lastAttempt.plus(minRefresh))) {
            return keys;
        }
        lastAttempt = now;
        fetch().ifPresent(fetched -> keys = new KeySet(fetched, now));
        return keys;
    }

    private Optional<Map<String, PublicJwk<?>>> fetch() {
        try {
            HttpRequest request = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(5)).GET().build();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                LOG.warn("JWKS fetch from {} answered {}", url, response.statusCode());
                return Optional.empty();
            }
            Map<String, PublicJwk<?>> byId = new HashMap<>();
            for (Jwk<?> jwk : Jwks.setParser().ignoreUnsupported(true).build().parse(response.body())) {
                if (jwk instanceof PublicJwk<?> publicJwk && jwk.getId() != null) {
                    byId.put(jwk.getId(), publicJwk);
                }
            }
            return Optional.of(Map.copyOf(byId));
        } catch (IOException | RuntimeException e) {
            LOG.warn("JWKS fetch from {} failed: {}", url, e.toString());
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
