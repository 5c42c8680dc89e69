package io.confab.rest;

import io.confab.domain.UserId;
import io.confab.domain.ValidationException;
import io.confab.domain.port.TokenVerifier;
import io.jsonwebtoken.Claims;
import io.jsonwebtoken.ExpiredJwtException;
import io.jsonwebtoken.InvalidClaimException;
import io.jsonwebtoken.JwtException;
import io.jsonwebtoken.JwtParser;
import io.jsonwebtoken.JwtParserBuilder;
import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.Locator;
import io.jsonwebtoken.PrematureJwtException;
import io.jsonwebtoken.UnsupportedJwtException;
import io.jsonwebtoken.security.Keys;
import io.jsonwebtoken.security.SignatureException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.security.Key;
import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.SecretKey;

/**
 * The {@link TokenVerifier} of Confab (jjwt): HS256 with a shared secret, RS256/ES256 with a PEM
 * public key, or keys from a JWKS URL. Each mode accepts exactly its algorithm (no {@code none},
 * no algorithm confusion); {@code exp} and {@code sub} are required, {@code exp}/{@code nbf} are
 * checked with 30 s of clock skew, {@code iss}/{@code aud} when configured.
 */
public final class JwtVerifier implements TokenVerifier {

    public static final Duration CLOCK_SKEW = Duration.ofSeconds(30);
    public static final int MIN_SECRET_BYTES = 32;

    /** What a token must carry besides a valid signature; the clock decides expiry. */
    public record Expectations(Optional<String> issuer, Optional<String> audience, Clock clock) {
        public Expectations {
            Objects.requireNonNull(issuer, "issuer");
            Objects.requireNonNull(audience, "audience");
            Objects.requireNonNull(clock, "clock");
        }

        public static Expectations none(Clock clock) {
            return new Expectations(Optional.empty(), Optional.empty(), clock);
        }
    }

    /** Tokens already verified, so a client's repeated token is not re-checked on every request. */
    private static final int CACHE_LIMIT = 10_000;

    private final JwtParser parser;
    private final Clock clock;
    private final Map<String, Verification.Valid> verified = new ConcurrentHashMap<>();

    private JwtVerifier(Locator<Key> keys, Expectations expectations) {
        this.clock = expectations.clock();
        JwtParserBuilder builder = Jwts.parser()
                .keyLocator(keys)
                .clockSkewSeconds(CLOCK_SKEW.toSeconds())
                .clock(() -> Date.from(expectations.clock().instant()));
        expectations.issuer().ifPresent(builder::requireIssuer);
        expectations.audience().ifPresent(builder::requireAudience);
        this.parser = builder.build();
    }

    /** HS256 with the UTF-8 bytes of {@code secret} (at least 32 bytes). */
    public static JwtVerifier hmac(String secret, Expectations expectations) {
        return new JwtVerifier(FixedKey.hs256(hmacKey(secret)), expectations);
    }

    /** RS256 (RSA key) or ES256 (P-256 key) with a PEM {@code -----BEGIN PUBLIC KEY-----} block. */
    public static JwtVerifier publicKey(String pem, Expectations expectations) {
        return new JwtVerifier(FixedKey.forPublicKey(Pem.publicKey(pem)), expectations);
    }

    /** RS256/ES256 with keys fetched from a JWKS URL, cached, and refetched for an unknown {@code kid}. */
    public static JwtVerifier jwks(URI url, HttpClient http, Expectations expectations) {
        return new JwtVerifier(new JwksKeys(url, http, expectations.clock(), JwksKeys.MIN_REFRESH), expectations);
    }

    static SecretKey hmacKey(String secret) {
        byte[] bytes = secret.getBytes(StandardCharsets.UTF_8);
        if (bytes.length < MIN_SECRET_BYTES) {
            throw new IllegalArgumentException("the JWT secret must be at least " + MIN_SECRET_BYTES + " bytes");
        }
        return Keys.hmacShaKeyFor(bytes);
    }

    @Override
    public Verification verify(String token) {
        Verification.Valid known = verified.get(token);
        if (known != null && clock.instant().isBefore(known.expiresAt().plus(CLOCK_SKEW))) {
            return known;
        }
        Verification verification = parse(token);
        if (verification instanceof Verification.Valid valid) {
            if (verified.size() >= CACHE_LIMIT) {
                verified.clear();
            }
            verified.put(token, valid);
        } else if (known != null) {
            verified.remove(token);
        }
        return verification;
    }

    private Verification parse(String token) {
        try {
            Claims claims = parser.parseSignedClaims(token).getPayload();
            if (claims.getExpiration() == null) {
                return new Verification.Invalid("no expiry (exp)");
            }
            if (claims.getSubject() == null) {
                return new Verification.Invalid("no subject (sub)");
            }
            return new Verification.Valid(new UserId(claims.getSubject()), claims.getExpiration().toInstant());
        } catch (JwtException | IllegalArgumentException | ValidationException e) {
            return rejection(e);
        }
    }

    /** Why jjwt (or the subject's validation) refused a token, in words a 401 can carry. */
    static Verification.Invalid rejection(RuntimeException e) {
        return new Verification.Invalid(switch (e) {
            case ExpiredJwtException expired -> "expired";
            case PrematureJwtException premature -> "not valid yet";
            case SignatureException signature -> "bad signature";
            case InvalidClaimException claim -> "wrong " + claim.getClaimName();
            case UnsupportedJwtException unsupported -> "algorithm or token type not accepted";
            case ValidationException subject -> "bad subject";
            default -> "malformed";
        });
    }
}
