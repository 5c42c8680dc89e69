package io.confab.testkit.auth;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jsonwebtoken.JwtBuilder;
import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.security.Keys;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * Keys and JWTs for tests: tokens a server configured with {@link #serverSettings()} accepts, and
 * the deliberately bad ones an attacker would try (unsigned, algorithm confusion, wrong key).
 */
public final class TestTokens {

    public static final String ISSUER = "https://issuer.test";
    public static final String AUDIENCE = "confab";
    /** An HS256 secret long enough for any verifier. */
    public static final String SECRET = "a-test-secret-that-is-long-enough-0123456789";
    /** The RSA key {@link #token} signs with and {@link #serverSettings()} trusts. */
    public static final KeyPair RSA = rsa();

    private static final ObjectMapper JSON = new ObjectMapper();

    private TestTokens() {
    }

    public static KeyPair rsa() {
        return generate("RSA", generator -> generator.initialize(2048));
    }

    /** A P-256 key pair. */
    public static KeyPair ec() {
        return generate("EC", generator -> generator.initialize(new ECGenParameterSpec("secp256r1")));
    }

    /** {@code key} as a {@code -----BEGIN PUBLIC KEY-----} block. */
    public static String pem(PublicKey key) {
        return "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(key.getEncoded())
                + "\n-----END PUBLIC KEY-----\n";
    }

    /** The server settings that make Confab verify {@link #token}'s tokens (RS256 with issuer and audience). */
    public static Map<String, String> serverSettings() {
        return Map.of("CONFAB_JWT_PUBLIC_KEY", pem(RSA.getPublic()), "CONFAB_JWT_ISSUER", ISSUER,
                "CONFAB_JWT_AUDIENCE", AUDIENCE);
    }

    /** Subject, issued-at and expiry only, expiring {@code ttl} from now (negative: already expired). */
    public static JwtBuilder claims(String user, Duration ttl) {
        Instant now = Instant.now();
        return Jwts.builder().subject(user).issuedAt(Date.from(now)).expiration(Date.from(now.plus(ttl)));
    }

    /** {@link #claims} plus {@link #ISSUER} and {@link #AUDIENCE}. */
    public static JwtBuilder issued(String user, Duration ttl) {
        return claims(user, ttl).issuer(ISSUER).audience().add(AUDIENCE).and();
    }

    /** A good RS256 token for {@code user}, valid for ten minutes. */
    public static String token(String user) {
        return issued(user, Duration.ofMinutes(10)).signWith(RSA.getPrivate(), Jwts.SIG.RS256).compact();
    }

    /** A good HS256 token for {@code user} with {@link #SECRET}, valid for five minutes. */
    public static String hs256(String user) {
        return claims(user, Duration.ofMinutes(5)).signWith(hmacKey(), Jwts.SIG.HS256).compact();
    }

    public static SecretKey hmacKey() {
        return Keys.hmacShaKeyFor(SECRET.getBytes(StandardCharsets.UTF_8));
    }

    public static String signed(JwtBuilder builder, Key key) {
        return builder.signWith(key).compact();
    }

    public static String expired(String user) {
        return issued(user, Duration.ofMinutes(-5)).signWith(RSA.getPrivate(), Jwts.SIG.RS256).compact();
    }

    public static String signedByAnotherKey(String user) {
        return issued(user, Duration.ofMinutes(10)).signWith(rsa().getPrivate(), Jwts.SIG.RS256).compact();
    }

    public static String wrongIssuer(String user) {
        return issued(user, Duration.ofMinutes(10)).issuer("https://evil.test").signWith(RSA.getPrivate()).compact();
    }

    public static String wrongAudience(String user) {
        return claims(user, Duration.ofMinutes(10)).issuer(ISSUER).audience().add("someone-else").and()
                .signWith(RSA.getPrivate()).compact();
    }

    /** An unsigned token ({@code alg: none}) that would otherwise pass. */
    public static String algNone(String user) {
        return encode(Map.of("alg", "none", "typ", "JWT")) + "." + encode(forgedClaims(user)) + ".";
    }

    /** The classic confusion attack: HS256 "signed" with the bytes of the server's public key PEM. */
    public static String hs256WithPublicKey(String user, PublicKey key, String kid) {
        Map<String, Object> header = new LinkedHashMap<>(Map.of("alg", "HS256", "typ", "JWT"));
        if (kid != null) {
            header.put("kid", kid);
        }
        String signingInput = encode(header) + "." + encode(forgedClaims(user));
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(pem(key).getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] signature = mac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(signature);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@link #hs256WithPublicKey} against the key {@link #serverSettings()} trusts. */
    public static String hs256WithPublicKey(String user) {
        return hs256WithPublicKey(user, RSA.getPublic(), null);
    }

    /** {@code json} as one base64url part of a JWT, to forge a token by hand. */
    public static String part(Map<String, Object> json) {
        return encode(json);
    }

    private static Map<String, Object> forgedClaims(String user) {
        return Map.of("sub", user, "iss", ISSUER, "aud", AUDIENCE, "exp", Instant.now().getEpochSecond() + 600);
    }

    private static String encode(Map<String, Object> json) {
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(JSON.writeValueAsBytes(json));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private interface Init {
        void apply(KeyPairGenerator generator) throws GeneralSecurityException;
    }

    private static KeyPair generate(String algorithm, Init init) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm);
            init.apply(generator);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
