package io.confab.rest;

import io.jsonwebtoken.JwtBuilder;
import io.jsonwebtoken.Jwts;
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
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Makes keys and (good and deliberately bad) JWTs for tests. */
final class TestTokens {

    static final String SECRET = "a-test-secret-that-is-long-enough-0123456789";

    private TestTokens() {
    }

    static KeyPair rsa() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static KeyPair ec() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static String pem(PublicKey key) {
        return "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(key.getEncoded())
                + "\n-----END PUBLIC KEY-----\n";
    }

    /** Claims for {@code user}, expiring {@code ttl} from now. */
    static JwtBuilder claims(String user, Duration ttl) {
        Instant now = Instant.now();
        return Jwts.builder().subject(user).issuedAt(Date.from(now)).expiration(Date.from(now.plus(ttl)));
    }

    static String hs256(String user) {
        return claims(user, Duration.ofMinutes(5)).signWith(JwtVerifier.hmacKey(SECRET), Jwts.SIG.HS256).compact();
    }

    static String signed(JwtBuilder builder, Key key) {
        return builder.signWith(key).compact();
    }

    /** An unsigned token: {@code alg: none}. */
    static String none(String user) {
        long exp = Instant.now().plusSeconds(300).getEpochSecond();
        return b64("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + b64("{\"sub\":\"" + user + "\",\"exp\":" + exp + "}") + ".";
    }

    /** The classic confusion attack: HS256 "signed" with the bytes of the server's public key. */
    static String hs256WithPublicKey(String user, PublicKey key, String kid) {
        long exp = Instant.now().plusSeconds(300).getEpochSecond();
        String header = kid == null ? "{\"alg\":\"HS256\",\"typ\":\"JWT\"}"
                : "{\"alg\":\"HS256\",\"typ\":\"JWT\",\"kid\":\"" + kid + "\"}";
        String signingInput = b64(header) + "." + b64("{\"sub\":\"" + user + "\",\"exp\":" + exp + "}");
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(pem(key).getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] signature = mac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(signature);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The base64url text of a JWT part (to forge one by hand). */
    static String claimsPart(String json) {
        return b64(json);
    }

    private static String b64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
