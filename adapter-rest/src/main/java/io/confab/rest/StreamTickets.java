package io.confab.rest;

import io.confab.domain.UserId;
import io.confab.domain.ValidationException;
import io.confab.domain.port.TokenVerifier;
import io.confab.domain.port.TokenVerifier.Verification;
import io.jsonwebtoken.Claims;
import io.jsonwebtoken.JwtException;
import io.jsonwebtoken.JwtParser;
import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.security.Keys;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.SecretKey;

/**
 * Stream tickets (SPEC §13): short-lived credentials a browser puts in a URL ({@code ?ticket=})
 * where it cannot send a bearer header ({@code EventSource}, {@code WebSocket}). A ticket is a
 * self-contained HS256 JWT, so any instance that shares the key accepts it and none stores it. Its
 * key is never the bearer key (it is derived from it, or random), and it names its own audience,
 * so a ticket is no bearer token and a bearer token is no ticket.
 */
public final class StreamTickets {

    public static final Duration DEFAULT_TTL = Duration.ofMinutes(5);
    static final String AUDIENCE = "confab:stream-ticket";
    /** When the credential the ticket was issued for expires (epoch seconds): a socket opened with the ticket lives until then. */
    static final String SESSION_EXPIRY = "session_exp";
    private static final String DERIVATION_LABEL = "confab stream tickets v1";

    /** A ticket as handed out: its text and how long it is accepted. */
    record Ticket(String value, Duration expiresIn) {
    }

    private final SecretKey key;
    private final Duration ttl;
    private final Clock clock;
    private final JwtParser parser;

    private StreamTickets(byte[] keyBytes, Duration ttl, Clock clock) {
        Objects.requireNonNull(ttl, "ttl");
        if (ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("the ticket lifetime must be positive");
        }
        this.key = Keys.hmacShaKeyFor(keyBytes);
        this.ttl = ttl;
        this.clock = Objects.requireNonNull(clock, "clock");
        this.parser = Jwts.parser()
                .verifyWith(key)
                .requireAudience(AUDIENCE)
                .clockSkewSeconds(JwtVerifier.CLOCK_SKEW.toSeconds())
                .clock(() -> Date.from(clock.instant()))
                .build();
    }

    /**
     * Tickets signed with a key derived from {@code secret} (at least 32 bytes; HMAC-SHA256 of a
     * fixed label): every instance given the same secret accepts the others' tickets.
     */
    public static StreamTickets derivedFrom(String secret, Duration ttl, Clock clock) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(JwtVerifier.hmacKey(secret));
            return new StreamTickets(mac.doFinal(DERIVATION_LABEL.getBytes(StandardCharsets.UTF_8)), ttl, clock);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    /** Tickets signed with a random key of this process: only the instance that issued one accepts it. */
    public static StreamTickets ofThisInstance(Duration ttl, Clock clock) {
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        return new StreamTickets(random, ttl, clock);
    }

    /** How long a ticket is accepted at most. */
    public Duration ttl() {
        return ttl;
    }

    /** Verifies tickets (and nothing else) for the adapters that accept {@code ?ticket=}. */
    public TokenVerifier verifier() {
        return this::verify;
    }

    /** A ticket for {@code user}, never outliving the credential it was asked with ({@code credentialExpiresAt}). */
    Ticket issue(UserId user, Instant credentialExpiresAt) {
        Instant now = clock.instant();
        Instant expiresAt = now.plus(ttl).isAfter(credentialExpiresAt) ? credentialExpiresAt : now.plus(ttl);
        String value = Jwts.builder()
                .subject(user.value())
                .audience().add(AUDIENCE).and()
                .issuedAt(Date.from(now))
                .expiration(Date.from(expiresAt))
                .claim(SESSION_EXPIRY, credentialExpiresAt.getEpochSecond())
                .signWith(key, Jwts.SIG.HS256)
                .compact();
        Duration left = Duration.between(now, expiresAt);
        return new Ticket(value, left.isNegative() ? Duration.ZERO : left);
    }

    private Verification verify(String ticket) {
        try {
            Claims claims = parser.parseSignedClaims(ticket).getPayload();
            Long sessionExpiry = claims.get(SESSION_EXPIRY, Long.class);
            if (claims.getSubject() == null || claims.getExpiration() == null || sessionExpiry == null) {
                return new Verification.Invalid("malformed");
            }
            return new Verification.Valid(new UserId(claims.getSubject()), Instant.ofEpochSecond(sessionExpiry));
        } catch (JwtException | IllegalArgumentException | ValidationException e) {
            return JwtVerifier.rejection(e);
        }
    }
}
