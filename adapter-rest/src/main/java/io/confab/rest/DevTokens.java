package io.confab.rest;

import io.confab.domain.UserId;
import io.confab.domain.port.TokenVerifier;
import io.jsonwebtoken.Jwts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import javax.crypto.SecretKey;

/**
 * Development sign-in: mints HS256 tokens for any user id with a random secret made once per
 * install and kept in {@code <dataDir>/dev-jwt.secret} (readable by its owner only). Enabled only
 * when no JWT key is configured.
 */
public final class DevTokens {

    public static final Duration LIFETIME = Duration.ofHours(1);
    static final String FILE_NAME = "dev-jwt.secret";

    private final String secret;
    private final SecretKey key;
    private final Clock clock;

    private DevTokens(String secret, Clock clock) {
        this.secret = secret;
        this.key = JwtVerifier.hmacKey(secret);
        this.clock = clock;
    }

    /** Reads the install's secret from {@code dataDir}, creating it (owner-only) the first time. */
    public static DevTokens loadOrCreate(Path dataDir, Clock clock) {
        Path file = dataDir.resolve(FILE_NAME);
        try {
            Files.createDirectories(dataDir);
            if (!Files.exists(file)) {
                create(file);
            }
            return new DevTokens(Files.readString(file, StandardCharsets.UTF_8).strip(), clock);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the development JWT secret in " + file, e);
        }
    }

    private static void create(Path file) throws IOException {
        byte[] random = new byte[48];
        new SecureRandom().nextBytes(random);
        String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        try {
            if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } else {
                Files.createFile(file);
            }
            Files.writeString(file, secret, StandardCharsets.UTF_8);
        } catch (FileAlreadyExistsException raced) {
            // another process made it first: use theirs
        }
    }

    /** Verifies the tokens this mints (and nothing else). */
    public TokenVerifier verifier() {
        return JwtVerifier.hmac(secret, JwtVerifier.Expectations.none(clock));
    }

    /** Stream tickets signed with a key derived from this install's secret, lasting at most {@code ttl}. */
    public StreamTickets streamTickets(Duration ttl) {
        return StreamTickets.derivedFrom(secret, ttl, clock);
    }

    /** A signed token for {@code user}, valid for {@link #LIFETIME}. */
    public String mint(UserId user) {
        Instant now = clock.instant();
        return Jwts.builder()
                .subject(user.value())
                .issuedAt(Date.from(now))
                .expiration(Date.from(now.plus(LIFETIME)))
                .signWith(key, Jwts.SIG.HS256)
                .compact();
    }
}
