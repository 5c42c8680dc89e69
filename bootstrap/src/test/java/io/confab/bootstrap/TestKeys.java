package io.confab.bootstrap;

import io.jsonwebtoken.JwtBuilder;
import io.jsonwebtoken.Jwts;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** The RSA key the black-box server trusts, and good and bad tokens made with it. */
final class TestKeys {

    static final String ISSUER = "https://issuer.test";
    static final String AUDIENCE = "confab";
    static final KeyPair RSA = generate();

    private TestKeys() {
    }

    private static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static String publicKeyPem() {
        return "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(RSA.getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----\n";
    }

    /** The server settings that make it verify this class's tokens (RS256 with issuer and audience). */
    static Map<String, String> serverSettings() {
        return Map.of("CONFAB_JWT_PUBLIC_KEY", publicKeyPem(), "CONFAB_JWT_ISSUER", ISSUER, "CONFAB_JWT_AUDIENCE", AUDIENCE);
    }

    /** The server settings for an OpenAI-compatible model at {@code baseUrl} (a fake one in tests). */
    static Map<String, String> openAiModel(String baseUrl) {
        return Map.of("CONFAB_MODEL_PROVIDER", "openai", "OPENAI_BASE_URL", baseUrl, "OPENAI_API_KEY", "test-key");
    }

    static JwtBuilder claims(String user, Duration ttl) {
        Instant now = Instant.now();
        return Jwts.builder().subject(user).issuer(ISSUER).audience().add(AUDIENCE).and()
                .issuedAt(Date.from(now)).expiration(Date.from(now.plus(ttl)));
    }

    static String token(String user) {
        return claims(user, Duration.ofMinutes(10)).signWith(RSA.getPrivate(), Jwts.SIG.RS256).compact();
    }

    static String algNone(String user) {
        return b64("{\"alg\":\"none\"}") + "." + b64("{\"sub\":\"" + user + "\",\"iss\":\"" + ISSUER
                + "\",\"aud\":\"" + AUDIENCE + "\",\"exp\":" + (Instant.now().getEpochSecond() + 600) + "}") + ".";
    }

    /** HS256 keyed with the server's own public key: the algorithm-confusion attack. */
    static String hsWithPublicKey(String user) {
        String input = b64("{\"alg\":\"HS256\",\"typ\":\"JWT\"}") + "." + b64("{\"sub\":\"" + user + "\",\"iss\":\""
                + ISSUER + "\",\"aud\":\"" + AUDIENCE + "\",\"exp\":" + (Instant.now().getEpochSecond() + 600) + "}");
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(publicKeyPem().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return input + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(
                    mac.doFinal(input.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static String signedByAnotherKey(String user) {
        return claims(user, Duration.ofMinutes(10)).signWith(generate().getPrivate(), Jwts.SIG.RS256).compact();
    }

    static String expired(String user) {
        return claims(user, Duration.ofMinutes(-5)).signWith(RSA.getPrivate(), Jwts.SIG.RS256).compact();
    }

    static String wrongIssuer(String user) {
        return claims(user, Duration.ofMinutes(10)).issuer("https://evil.test").signWith(RSA.getPrivate()).compact();
    }

    static String wrongAudience(String user) {
        Instant now = Instant.now();
        return Jwts.builder().subject(user).issuer(ISSUER).audience().add("someone-else").and()
                .expiration(Date.from(now.plusSeconds(600))).signWith(RSA.getPrivate()).compact();
    }

    private static String b64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
