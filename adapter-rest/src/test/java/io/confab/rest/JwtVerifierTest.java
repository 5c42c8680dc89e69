package io.confab.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.confab.domain.UserId;
import io.confab.domain.port.TokenVerifier.Verification;
import io.confab.testkit.auth.TestTokens;
import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.security.Jwks;
import io.jsonwebtoken.security.PublicJwk;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class JwtVerifierTest {

    private static final JwtVerifier.Expectations ANY = JwtVerifier.Expectations.none(Clock.systemUTC());
    private static final KeyPair RSA = TestTokens.rsa();
    private static final KeyPair EC = TestTokens.ec();

    private HttpServer jwksServer;

    @AfterEach
    void stopJwksServer() {
        if (jwksServer != null) {
            jwksServer.stop(0);
        }
    }

    @Test
    void hmac_acceptsAValidToken_andNamesItsUser() {
        Verification verification = JwtVerifier.hmac(TestTokens.SECRET, ANY).verify(TestTokens.hs256("alice"));

        assertThat(verification).isInstanceOfSatisfying(Verification.Valid.class,
                valid -> assertThat(valid.user()).isEqualTo(new UserId("alice")));
    }

    @Test
    void hmac_rejectsASecretShorterThan32Bytes() {
        assertThatThrownBy(() -> JwtVerifier.hmac("short", ANY)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("32");
    }

    @Test
    void algNone_isRejected() {
        assertInvalid(JwtVerifier.hmac(TestTokens.SECRET, ANY).verify(TestTokens.algNone("alice")));
        assertInvalid(JwtVerifier.publicKey(TestTokens.pem(RSA.getPublic()), ANY).verify(TestTokens.algNone("alice")));
    }

    @Test
    void anHs256Token_signedWithThePublicKey_isRejectedWhenAnRsaKeyIsConfigured() {
        JwtVerifier verifier = JwtVerifier.publicKey(TestTokens.pem(RSA.getPublic()), ANY);

        assertInvalid(verifier.verify(TestTokens.hs256WithPublicKey("alice", RSA.getPublic(), null)));
    }

    @Test
    void aTokenSignedByAnotherKey_hasABadSignature() {
        JwtVerifier verifier = JwtVerifier.publicKey(TestTokens.pem(RSA.getPublic()), ANY);
        String forged = TestTokens.signed(TestTokens.claims("alice", Duration.ofMinutes(5)), TestTokens.rsa().getPrivate());

        assertThat(verifier.verify(forged)).isEqualTo(new Verification.Invalid("bad signature"));
    }

    @Test
    void rs256_andEs256_areAcceptedWithTheirKeys() {
        String rsaToken = TestTokens.signed(TestTokens.claims("alice", Duration.ofMinutes(5)), RSA.getPrivate());
        String ecToken = TestTokens.signed(TestTokens.claims("bob", Duration.ofMinutes(5)), EC.getPrivate());

        assertThat(JwtVerifier.publicKey(TestTokens.pem(RSA.getPublic()), ANY).verify(rsaToken))
                .isInstanceOf(Verification.Valid.class);
        assertThat(JwtVerifier.publicKey(TestTokens.pem(EC.getPublic()), ANY).verify(ecToken))
                .isInstanceOf(Verification.Valid.class);
    }

    @Test
    void anotherRsaAlgorithm_isNotAccepted() {
        String rs384 = TestTokens.claims("alice", Duration.ofMinutes(5)).signWith(RSA.getPrivate(), Jwts.SIG.RS384).compact();

        assertInvalid(JwtVerifier.publicKey(TestTokens.pem(RSA.getPublic()), ANY).verify(rs384));
    }

    @Test
    void anExpiredToken_isRejected_butWithin30SecondsOfSkewItIsAccepted() {
        JwtVerifier verifier = JwtVerifier.hmac(TestTokens.SECRET, ANY);
        var key = JwtVerifier.hmacKey(TestTokens.SECRET);

        assertThat(verifier.verify(TestTokens.claims("alice", Duration.ofSeconds(-40)).signWith(key).compact()))
                .isEqualTo(new Verification.Invalid("expired"));
        assertThat(verifier.verify(TestTokens.claims("alice", Duration.ofSeconds(-10)).signWith(key).compact()))
                .isInstanceOf(Verification.Valid.class);
    }

    @Test
    void aRememberedToken_isStillRejectedOnceItExpires() {
        var clock = new io.confab.testkit.TestClock(java.time.Instant.now());
        JwtVerifier verifier = JwtVerifier.hmac(TestTokens.SECRET, JwtVerifier.Expectations.none(clock));
        String token = TestTokens.claims("alice", Duration.ofMinutes(5)).signWith(JwtVerifier.hmacKey(TestTokens.SECRET)).compact();
        assertThat(verifier.verify(token)).isInstanceOf(Verification.Valid.class);
        assertThat(verifier.verify(token)).isInstanceOf(Verification.Valid.class);

        clock.advance(Duration.ofMinutes(6));

        assertThat(verifier.verify(token)).isEqualTo(new Verification.Invalid("expired"));
    }

    @Test
    void aTokenWithoutExpiry_isRejected() {
        String token = Jwts.builder().subject("alice").signWith(JwtVerifier.hmacKey(TestTokens.SECRET)).compact();

        assertThat(JwtVerifier.hmac(TestTokens.SECRET, ANY).verify(token)).isEqualTo(new Verification.Invalid("no expiry (exp)"));
    }

    @Test
    void malformedTokens_areRejected() {
        JwtVerifier verifier = JwtVerifier.hmac(TestTokens.SECRET, ANY);

        for (String token : List.of("", "abc", "a.b.c", "not a jwt at all", TestTokens.hs256("alice") + "x.y")) {
            assertInvalid(verifier.verify(token));
        }
    }

    @Test
    void issuerAndAudience_areEnforcedWhenConfigured() {
        var expectations = new JwtVerifier.Expectations(Optional.of("https://issuer"), Optional.of("confab"), Clock.systemUTC());
        JwtVerifier verifier = JwtVerifier.hmac(TestTokens.SECRET, expectations);
        var key = JwtVerifier.hmacKey(TestTokens.SECRET);

        String good = TestTokens.claims("alice", Duration.ofMinutes(5)).issuer("https://issuer").audience().add("confab").and().signWith(key).compact();
        String wrongIssuer = TestTokens.claims("alice", Duration.ofMinutes(5)).issuer("https://evil").audience().add("confab").and().signWith(key).compact();
        String wrongAudience = TestTokens.claims("alice", Duration.ofMinutes(5)).issuer("https://issuer").audience().add("other").and().signWith(key).compact();

        assertThat(verifier.verify(good)).isInstanceOf(Verification.Valid.class);
        assertThat(verifier.verify(wrongIssuer)).isEqualTo(new Verification.Invalid("wrong iss"));
        assertThat(verifier.verify(wrongAudience)).isEqualTo(new Verification.Invalid("wrong aud"));
    }

    @Test
    void jwks_verifiesByKid_andRefetchesTheSetForAnUnknownKid() throws IOException {
        KeyPair rotated = TestTokens.rsa();
        List<PublicJwk<?>> published = new CopyOnWriteArrayList<>(List.of(jwk(RSA, "k1"), jwk(EC, "k2")));
        AtomicInteger fetches = new AtomicInteger();
        URI url = serveJwks(published, fetches);
        JwtVerifier verifier = JwtVerifier.jwks(url, HttpClient.newHttpClient(), ANY);

        String first = TestTokens.claims("alice", Duration.ofMinutes(5)).header().keyId("k1").and().signWith(RSA.getPrivate()).compact();
        String second = TestTokens.claims("bob", Duration.ofMinutes(5)).header().keyId("k2").and().signWith(EC.getPrivate()).compact();
        assertThat(verifier.verify(first)).isInstanceOf(Verification.Valid.class);
        assertThat(verifier.verify(second)).isInstanceOf(Verification.Valid.class);
        assertThat(fetches).hasValue(1);

        published.add(jwk(rotated, "k3"));
        String third = TestTokens.claims("carol", Duration.ofMinutes(5)).header().keyId("k3").and().signWith(rotated.getPrivate()).compact();
        // the first fetch was just now: a refetch waits for the refresh interval, so k3 is unknown yet
        assertInvalid(verifier.verify(third));
        assertThat(fetches).hasValue(1);
    }

    @Test
    void jwks_refetchesAnUnknownKid_afterTheRefreshInterval() throws IOException {
        KeyPair rotated = TestTokens.rsa();
        List<PublicJwk<?>> published = new CopyOnWriteArrayList<>(List.of(jwk(RSA, "k1")));
        AtomicInteger fetches = new AtomicInteger();
        URI url = serveJwks(published, fetches);
        var clock = new io.confab.testkit.TestClock(java.time.Instant.now());
        JwtVerifier verifier = JwtVerifier.jwks(url, HttpClient.newHttpClient(), JwtVerifier.Expectations.none(clock));
        String first = TestTokens.claims("alice", Duration.ofMinutes(5)).header().keyId("k1").and().signWith(RSA.getPrivate()).compact();
        assertThat(verifier.verify(first)).isInstanceOf(Verification.Valid.class);

        published.add(jwk(rotated, "k2"));
        clock.advance(JwksKeys.MIN_REFRESH.plusSeconds(1));
        String rotatedToken = TestTokens.claims("alice", Duration.ofMinutes(5)).header().keyId("k2").and().signWith(rotated.getPrivate()).compact();

        assertThat(verifier.verify(rotatedToken)).isInstanceOf(Verification.Valid.class);
        assertThat(fetches).hasValue(2);
    }

    @Test
    void jwks_rejectsAnHs256TokenSignedWithAPublishedKey() throws IOException {
        URI url = serveJwks(List.of(jwk(RSA, "k1")), new AtomicInteger());
        JwtVerifier verifier = JwtVerifier.jwks(url, HttpClient.newHttpClient(), ANY);

        assertInvalid(verifier.verify(TestTokens.hs256WithPublicKey("alice", RSA.getPublic(), "k1")));
    }

    private static PublicJwk<?> jwk(KeyPair pair, String kid) {
        return Jwks.builder().key(pair.getPublic()).id(kid).build() instanceof PublicJwk<?> jwk ? jwk : null;
    }

    private URI serveJwks(List<PublicJwk<?>> published, AtomicInteger fetches) throws IOException {
        jwksServer = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        jwksServer.createContext("/jwks.json", exchange -> {
            fetches.incrementAndGet();
            String json = published.stream().map(Jwks::json).collect(Collectors.joining(",", "{\"keys\":[", "]}"));
            byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        jwksServer.start();
        return URI.create("http://127.0.0.1:" + jwksServer.getAddress().getPort() + "/jwks.json");
    }

    private static void assertInvalid(Verification verification) {
        assertThat(verification).isInstanceOf(Verification.Invalid.class);
    }
}
