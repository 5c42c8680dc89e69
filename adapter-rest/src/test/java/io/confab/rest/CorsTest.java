package io.confab.rest;

import static org.assertj.core.api.Assertions.assertThat;

import io.confab.application.usecase.TurnOutcome;
import io.confab.domain.UserId;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** CORS (SPEC §13): listed origins get their headers on every answer; other origins' preflights are refused. */
class CorsTest extends AbstractRestTest {

    private static final String SPA = "http://localhost:5173";
    private static final String OTHER_SPA = "https://app.example.com";

    private RestServer start(String origins) {
        return startServer(builder -> builder.settings(RestSettings.defaults().withCorsOrigins(CorsOrigins.parse(origins))));
    }

    private HttpResponse<String> preflight(String path, String origin, String method) {
        return server.send(server.request(path, null)
                .header("Origin", origin)
                .header("Access-Control-Request-Method", method)
                .header("Access-Control-Request-Headers", "authorization,content-type")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()));
    }

    private static void assertAllowed(HttpResponse<?> response, String origin) {
        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).as(response.uri().toString()).hasValue(origin);
        assertThat(response.headers().allValues("Vary")).contains("Origin");
        assertThat(response.headers().firstValue("Access-Control-Expose-Headers"))
                .hasValue("X-Correlation-ID, Retry-After, Location");
    }

    private static void assertNoCorsHeaders(HttpResponse<?> response) {
        assertThat(response.headers().map().keySet())
                .noneMatch(name -> name.toLowerCase().startsWith("access-control-"));
    }

    @Test
    void aPreflightFromAListedOrigin_is204_withTheMethodsHeadersAndMaxAge() {
        start(SPA + ", " + OTHER_SPA);

        var response = preflight(CONVERSATIONS + "/some-id/messages", OTHER_SPA, "POST");

        assertThat(response.statusCode()).isEqualTo(204);
        assertAllowed(response, OTHER_SPA);
        assertThat(response.headers().firstValue("Access-Control-Allow-Methods")).hasValueSatisfying(methods ->
                assertThat(methods.split(", ")).contains("GET", "POST", "PATCH", "DELETE"));
        assertThat(response.headers().firstValue("Access-Control-Allow-Headers")).hasValueSatisfying(headers ->
                assertThat(headers.split(", ")).contains("authorization", "content-type", "last-event-id",
                        "idempotency-key", "x-correlation-id"));
        assertThat(response.headers().firstValue("Access-Control-Max-Age")).hasValue("600");
        assertThat(response.headers().firstValue("Access-Control-Allow-Credentials")).isEmpty();
    }

    @Test
    void aPreflightFromAnotherOrigin_is403_withoutAnyCorsHeader() {
        start(SPA);

        var response = preflight(CONVERSATIONS, "http://localhost:5174", "GET");

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.body()).contains("\"code\":\"origin_not_allowed\"");
        assertNoCorsHeaders(response);
    }

    @Test
    void answersToAListedOrigin_carryTheHeaders_successesErrorsAndStreamsAlike() throws Exception {
        start(SPA);
        String id = stubs.create(new UserId("alice"), "").id().toString();
        HttpResponse<Stream<String>> stream = server.client.send(server.request(CONVERSATIONS + "/" + id
                + "/stream?message=hi", "alice").header("Origin", SPA).GET().build(), HttpResponse.BodyHandlers.ofLines());
        assertThat(stream.body().filter(line -> line.startsWith("data: ")).count()).isEqualTo(4);
        assertThat(stream.statusCode()).isEqualTo(200);
        assertAllowed(stream, SPA);
        stubs.sendMessage = Stubs.turnsEndingWith(new TurnOutcome.RateLimited(Duration.ofSeconds(2)));

        var created = server.send(server.request(CONVERSATIONS, "alice").header("Origin", SPA)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")));
        var unauthorized = server.send(server.request(CONVERSATIONS, null).header("Origin", SPA).GET());
        var notFound = server.send(server.request(CONVERSATIONS + "/" + java.util.UUID.randomUUID(), "alice")
                .header("Origin", SPA).GET());
        var rateLimited = server.send(server.request(CONVERSATIONS + "/" + id + "/messages", "alice").header("Origin", SPA)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"message\":\"hi\"}")));
        var tooLarge = server.send(server.request(CONVERSATIONS, "alice").header("Origin", SPA)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"title\":\"" + "x".repeat(70_000) + "\"}")));

        assertThat(List.of(created, unauthorized, notFound, rateLimited, tooLarge))
                .extracting(HttpResponse::statusCode).containsExactly(201, 401, 404, 429, 413);
        for (var response : List.of(created, unauthorized, notFound, rateLimited, tooLarge)) {
            assertAllowed(response, SPA);
        }
    }

    @Test
    void answersToAnUnlistedOrigin_carryNoCorsHeaders() {
        start(SPA);

        var response = server.send(server.request(CONVERSATIONS, "alice").header("Origin", "https://evil.example").GET());

        assertThat(response.statusCode()).isEqualTo(200);
        assertNoCorsHeaders(response);
    }

    @Test
    void withoutOrigins_thereAreNoCorsHeaders_andAPreflightIsNotAnswered() {
        startServer(builder -> { });

        var preflight = preflight(CONVERSATIONS, SPA, "GET");
        var get = server.send(server.request(CONVERSATIONS, "alice").header("Origin", SPA).GET());

        assertThat(preflight.statusCode()).isEqualTo(405);
        assertNoCorsHeaders(preflight);
        assertNoCorsHeaders(get);
    }

    @Test
    void origins_areReadAsBrowsersSendThem_andAnythingElseIsRefused() {
        assertThat(CorsOrigins.parse(" HTTPS://App.Example.com:443 , http://localhost:5173/,").origins())
                .containsExactlyInAnyOrder("https://app.example.com", "http://localhost:5173");
        assertThat(CorsOrigins.parse("").enabled()).isFalse();
        for (String bad : List.of("*", "app.example.com", "ftp://x.example",
                "https://app.example.com/path", "https://user@app.example.com")) {
            org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
                    .as(bad).isThrownBy(() -> CorsOrigins.parse(bad)).withMessageContaining("is not an origin");
        }
    }
}
