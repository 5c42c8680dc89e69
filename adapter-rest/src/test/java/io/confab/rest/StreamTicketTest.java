package io.confab.rest;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import io.confab.domain.UserId;
import io.confab.testkit.TestClock;
import io.confab.testkit.auth.TestTokens;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** Stream tickets (SPEC §13): issued for a bearer token, accepted as {@code ?ticket=} on GETs, and only there. */
class StreamTicketTest extends AbstractRestTest {

    private static final String TICKET = "/api/v1/auth/ticket";

    private final TestClock clock = new TestClock(Instant.now());

    private void start(StreamTickets tickets) {
        startServer(builder -> builder.streamTickets(tickets));
    }

    private void start() {
        start(StreamTickets.ofThisInstance(StreamTickets.DEFAULT_TTL, clock));
    }

    private JsonNode issue(String bearerToken) {
        var response = server.send(server.request(TICKET, null).header("Authorization", "Bearer " + bearerToken)
                .POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
        return json(response);
    }

    /** A bearer token of {@code user} valid for an hour, so tickets get their whole lifetime. */
    private static String bearer(String user) {
        return TestTokens.signed(TestTokens.claims(user, Duration.ofHours(1)), JwtVerifier.hmacKey(TestTokens.SECRET));
    }

    private String ticket(String user) {
        return issue(bearer(user)).path("ticket").asText();
    }

    private HttpResponse<String> getWithTicket(String pathAndQuery, String ticket) {
        String separator = pathAndQuery.contains("?") ? "&" : "?";
        return server.get(pathAndQuery + separator + "ticket=" + ticket, null);
    }

    private static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + response.body(), e);
        }
    }

    private static void assertUnauthorized(HttpResponse<String> response, String code) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(json(response).path("code").asText()).isEqualTo(code);
    }

    @Test
    void aBearerToken_getsATicket_ofFiveMinutes() {
        start();

        JsonNode answer = issue(bearer("alice"));

        assertThat(answer.path("ticket").asText()).isNotBlank();
        assertThat(answer.path("expires_in").asLong()).isEqualTo(300);
    }

    @Test
    void withoutABearerToken_thereIsNoTicket() {
        start();

        assertUnauthorized(server.send(server.request(TICKET, null).POST(HttpRequest.BodyPublishers.noBody())), "missing_token");
    }

    @Test
    void aTicket_neverOutlivesTheTokenItWasIssuedFor() {
        start(StreamTickets.ofThisInstance(StreamTickets.DEFAULT_TTL, java.time.Clock.systemUTC()));
        String shortLived = TestTokens.signed(TestTokens.claims("alice", Duration.ofSeconds(60)), JwtVerifier.hmacKey(TestTokens.SECRET));

        assertThat(issue(shortLived).path("expires_in").asLong()).isBetween(58L, 60L);
    }

    @Test
    void aTicket_standsInForTheBearerToken_onGets() throws Exception {
        start();
        String conversation = stubs.create(new UserId("alice"), "").id().toString();
        String ticket = ticket("alice");

        var list = getWithTicket(CONVERSATIONS, ticket);
        HttpResponse<java.util.stream.Stream<String>> stream = server.client.send(HttpRequest.newBuilder(
                server.uri(CONVERSATIONS + "/" + conversation + "/stream?message=hi&ticket=" + ticket)).build(),
                HttpResponse.BodyHandlers.ofLines());

        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(json(list).path("items").findValuesAsText("id")).containsExactly(conversation);
        assertThat(stream.statusCode()).isEqualTo(200);
        assertThat(stream.body().filter(line -> line.startsWith("data: ")).count()).isEqualTo(4);
    }

    @Test
    void aTicket_isScopedToItsUser() {
        start();
        String bobs = stubs.create(new UserId("bob"), "").id().toString();

        assertThat(getWithTicket(CONVERSATIONS + "/" + bobs, ticket("alice")).statusCode()).isEqualTo(404);
    }

    @Test
    void aTicket_isRefusedOnAnythingButAGet() {
        start();
        String ticket = ticket("alice");

        var post = server.postJson(CONVERSATIONS + "?ticket=" + ticket, null, "{}");

        assertUnauthorized(post, "missing_token");
        assertThat(json(post).path("detail").asText()).contains("GET requests only");
    }

    @Test
    void aTicket_isNoBearerToken_andABearerTokenIsNoTicket() {
        start();
        String ticket = ticket("alice");

        assertUnauthorized(server.send(server.request(CONVERSATIONS, null).header("Authorization", "Bearer " + ticket)),
                "invalid_token");
        assertUnauthorized(getWithTicket(CONVERSATIONS, TestTokens.hs256("alice")), "invalid_ticket");
    }

    @Test
    void anExpiredTicket_is401() {
        start();
        String ticket = ticket("alice");
        clock.advance(StreamTickets.DEFAULT_TTL.plus(JwtVerifier.CLOCK_SKEW).plusSeconds(1));

        var response = getWithTicket(CONVERSATIONS, ticket);

        assertUnauthorized(response, "invalid_ticket");
        assertThat(json(response).path("detail").asText()).contains("expired");
    }

    @Test
    void aForgedTicket_is401() {
        start();
        String ticket = ticket("alice");
        String otherInstances = StreamTickets.ofThisInstance(StreamTickets.DEFAULT_TTL, clock)
                .issue(new UserId("alice"), clock.instant().plusSeconds(3600)).value();
        String[] parts = ticket.split("\\.");
        String tampered = parts[0] + "." + TestTokens.part(Map.of("sub", "bob", "aud", "confab:stream-ticket",
                "exp", clock.instant().plusSeconds(60).getEpochSecond(), "session_exp", 0)) + "." + parts[2];

        assertUnauthorized(getWithTicket(CONVERSATIONS, otherInstances), "invalid_ticket");
        assertUnauthorized(getWithTicket(CONVERSATIONS, tampered), "invalid_ticket");
        assertUnauthorized(getWithTicket(CONVERSATIONS, "not-a-ticket"), "invalid_ticket");
    }

    @Test
    void instancesSharingTheSecret_acceptEachOthersTickets() {
        String secret = "a-shared-secret-of-at-least-thirty-two-bytes";
        String ticket = StreamTickets.derivedFrom(secret, StreamTickets.DEFAULT_TTL, clock)
                .issue(new UserId("alice"), clock.instant().plusSeconds(3600)).value();

        start(StreamTickets.derivedFrom(secret, StreamTickets.DEFAULT_TTL, clock));
        assertThat(getWithTicket(CONVERSATIONS, ticket).statusCode()).isEqualTo(200);
        server.close();
        start(StreamTickets.derivedFrom(secret + "-another", StreamTickets.DEFAULT_TTL, clock));
        assertUnauthorized(getWithTicket(CONVERSATIONS, ticket), "invalid_ticket");
    }

    @Test
    void aTicket_neverAppearsInTheLog() throws Exception {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        log.start();
        root.addAppender(log);
        try {
            start();
            String conversation = stubs.create(new UserId("alice"), "").id().toString();
            String ticket = ticket("alice");
            clock.advance(Duration.ofSeconds(1));
            String expired = ticket("alice");

            getWithTicket(CONVERSATIONS, ticket);
            getWithTicket(CONVERSATIONS + "/" + conversation + "/stream?message=hi", ticket);
            getWithTicket(CONVERSATIONS + "/" + UUID.randomUUID(), ticket);
            getWithTicket("/api/v1/no-such-route", ticket);
            clock.advance(Duration.ofHours(1));
            getWithTicket(CONVERSATIONS, expired);

            List<String> lines = log.list.stream()
                    .filter(event -> event.getLevel().isGreaterOrEqual(Level.INFO))
                    .map(ILoggingEvent::getFormattedMessage)
                    .toList();
            assertThat(lines).anyMatch(line -> line.contains(CONVERSATIONS + " 200"));
            assertThat(lines).noneMatch(line -> line.contains(ticket) || line.contains(expired) || line.contains("ticket="));
        } finally {
            root.detachAppender(log);
        }
    }
}
