package io.confab.rest;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.confab.application.usecase.SearchUseCase;
import io.confab.application.usecase.TurnFailure;
import io.confab.application.usecase.TurnOutcome;
import io.confab.domain.ConversationId;
import io.confab.domain.MessageId;
import io.confab.domain.MessagePreview;
import io.confab.domain.Role;
import io.confab.domain.SearchHit;
import io.confab.domain.UserId;
import io.confab.domain.port.StoreUnavailableException;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RestApiTest extends AbstractRestTest {

    private RestServer start() {
        return startServer(builder -> { });
    }

    private static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + response.body(), e);
        }
    }

    private String createConversation(String user) {
        return json(start() == null ? null : server.postJson(CONVERSATIONS, user, "{\"title\":\"t\"}")).path("id").asText();
    }

    @Test
    void aSaneCorrelationId_isEchoed_andAnInsaneOneReplaced() {
        start();
        var echoed = server.send(server.request("/health/live", null).header("X-Correlation-ID", "abc-123"));
        var replaced = server.send(server.request("/health/live", null).header("X-Correlation-ID", "bad id\u00e9<script>"));
        var generated = server.get("/health/live", null);

        assertThat(echoed.headers().firstValue("X-Correlation-ID")).hasValue("abc-123");
        assertThat(replaced.headers().firstValue("X-Correlation-ID")).hasValueSatisfying(id -> assertThat(id).hasSize(36));
        assertThat(generated.headers().firstValue("X-Correlation-ID")).isPresent();
    }

    @Test
    void noToken_is401_withABareBearerChallenge() {
        start();
        var response = server.get(CONVERSATIONS, null);

        assertProblem(response, 401, "missing_token");
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
    }

    @Test
    void aBadToken_is401_withInvalidTokenChallenge() {
        start();
        var response = server.send(server.request(CONVERSATIONS, null).header("Authorization", "Bearer nope"));

        assertProblem(response, 401, "invalid_token");
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer error=\"invalid_token\"");
    }

    @Test
    void anUnknownRoute_isProblemJson404() {
        start();
        assertProblem(server.get("/nowhere", "alice"), 404, "not_found");
        assertProblem(server.get("/api/v1/nowhere", "alice"), 404, "not_found");
    }

    @Test
    void theChatPage_isServedAtTheRoot_withItsScripts_andRevalidatesByEtag() {
        start();
        var page = server.get("/", null);
        var script = server.get("/js/app.js", null);
        var revalidated = server.send(server.request("/", null)
                .header("If-None-Match", page.headers().firstValue("ETag").orElseThrow()));

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValue("text/html");
        assertThat(page.body()).startsWith("<!doctype html>");
        assertThat(script.headers().firstValue("Content-Type")).hasValue("text/javascript");
        assertThat(revalidated.statusCode()).isEqualTo(304);
        assertProblem(server.get("/js/", null), 404, "not_found");
    }

    /** js/vendor.js names the WebJar versions by path: a dependency bumped without it would leave the page without Markdown. */
    @Test
    void theLibrariesThePageImports_areServedFromTheirWebJars_asJavaScript() {
        start();
        String vendor = server.get("/js/vendor.js", null).body();
        List<String> paths = Pattern.compile("'(/webjars/[^']+)'").matcher(vendor).results().map(match -> match.group(1)).toList();

        assertThat(paths).hasSize(2);
        for (String path : paths) {
            var library = server.get(path, null);
            assertThat(library.statusCode()).as(path).isEqualTo(200);
            assertThat(library.headers().firstValue("Content-Type")).as(path).hasValue("text/javascript");
        }
        assertProblem(server.get("/webjars/", null), 404, "not_found");
    }

    @Test
    void aWrongMethod_isProblemJson405_withAllow() {
        start();
        var response = server.send(server.request(CONVERSATIONS, "alice").PUT(HttpRequest.BodyPublishers.ofString("{}")));

        assertProblem(response, 405, "method_not_allowed");
        assertThat(response.headers().firstValue("Allow")).hasValueSatisfying(allow -> assertThat(allow).contains("GET", "POST"));
    }

    @Test
    void createConversation_is201_withLocation_andTheConversationInSnakeCase() {
        start();
        var response = server.postJson(CONVERSATIONS, "alice", "{\"title\":\"Groceries\"}");

        assertThat(response.statusCode()).isEqualTo(201);
        JsonNode body = json(response);
        assertThat(body.path("title").asText()).isEqualTo("Groceries");
        assertThat(body.path("status").asText()).isEqualTo("active");
        assertThat(body.has("created_at") && body.has("updated_at") && body.has("total_messages")).isTrue();
        assertThat(response.headers().firstValue("Location")).hasValue(CONVERSATIONS + "/" + body.path("id").asText());
    }

    @Test
    void createConversation_withAnExternalId_is201_thenTheSameConversationWith200() {
        start();
        var created = server.postJson(CONVERSATIONS, "alice",
                "{\"title\":\"Call\",\"external_id\":\"call-7\",\"metadata\":{\"channel\":\"phone\"}}");
        var again = server.postJson(CONVERSATIONS, "alice", "{\"title\":\"Other\",\"external_id\":\"call-7\"}");

        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(json(created).path("external_id").asText()).isEqualTo("call-7");
        assertThat(json(created).path("metadata").path("channel").asText()).isEqualTo("phone");
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.headers().firstValue("Location")).isEmpty();
        assertThat(json(again)).isEqualTo(json(created));
    }

    @Test
    void createConversation_withAnotherUsersExternalId_isANewConversation() {
        start();
        var alices = server.postJson(CONVERSATIONS, "alice", "{\"external_id\":\"chat-1\"}");
        var bobs = server.postJson(CONVERSATIONS, "bob", "{\"external_id\":\"chat-1\"}");

        assertThat(bobs.statusCode()).isEqualTo(201);
        assertThat(json(bobs).path("id").asText()).isNotEqualTo(json(alices).path("id").asText());
    }

    @Test
    void createConversation_withoutAnExternalId_showsItAsNull() {
        start();
        assertThat(json(server.postJson(CONVERSATIONS, "alice", "{}")).get("external_id").isNull()).isTrue();
    }

    @Test
    void aBadExternalId_is422_withTheFieldNamed() {
        start();
        for (String bad : new String[] {"\"\"", "\"  \"", "\"" + "x".repeat(256) + "\"", "\"a\\nb\"", "7",
                "{\"id\":1}"}) {
            var response = server.postJson(CONVERSATIONS, "alice", "{\"external_id\":" + bad + "}");

            assertProblem(response, 422, "validation_failed");
            assertThat(json(response).path("errors").get(0).path("field").asText()).isEqualTo("external_id");
        }
    }

    @Test
    void createConversation_withoutABody_isFine() {
        start();
        var response = server.send(server.request(CONVERSATIONS, "alice").POST(HttpRequest.BodyPublishers.noBody()));

        assertThat(response.statusCode()).isEqualTo(201);
    }

    @Test
    void malformedJson_is400() {
        start();
        assertProblem(server.postJson(CONVERSATIONS, "alice", "{\"title\":"), 400, "malformed_json");
        assertProblem(server.postJson(CONVERSATIONS, "alice", "[1,2]"), 400, "malformed_json");
    }

    @Test
    void aNonJsonContentType_is415() {
        start();
        var response = server.send(server.request(CONVERSATIONS, "alice").header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("{\"title\":\"x\"}")));

        assertProblem(response, 415, "unsupported_media_type");
    }

    @Test
    void aBodyOver64KiB_is413() {
        start();
        String big = "{\"title\":\"" + "x".repeat(70_000) + "\"}";

        assertProblem(server.postJson(CONVERSATIONS, "alice", big), 413, "payload_too_large");
    }

    @Test
    void aBodyOverTheLimit_isAnswered413_onAConnectionThatServesTheNextRequest() {
        start();
        // Jetty closed a connection whose refused body was left unread: a client still sending it
        // then met a reset (broken pipe) instead of the 413, now and then
        for (int size : new int[] {70_000, 900_000}) {
            String big = "{\"title\":\"" + "x".repeat(size) + "\"}";
            for (int i = 0; i < 100; i++) {
                assertProblem(server.postJson(CONVERSATIONS, "alice", big), 413, "payload_too_large");
                assertThat(server.postJson(CONVERSATIONS, "alice", "{\"title\":").statusCode()).isEqualTo(400);
            }
        }
    }

    @Test
    void anOverlongTitle_is422_withTheFieldNamed() {
        start();
        var response = server.postJson(CONVERSATIONS, "alice", "{\"title\":\"" + "x".repeat(501) + "\"}");

        assertProblem(response, 422, "validation_failed");
        assertThat(json(response).path("errors").get(0).path("field").asText()).isEqualTo("title");
    }

    @Test
    void aFieldOfTheWrongType_is422() {
        start();
        assertProblem(server.postJson(CONVERSATIONS, "alice", "{\"title\":5}"), 422, "validation_failed");
    }

    @Test
    void listItems_carryTheirLastMessage_orNullWithoutOne() {
        String talked = createConversation("alice");
        String quiet = server.postJson(CONVERSATIONS, "alice", "{\"title\":\"quiet\"}").body();
        Instant at = Instant.parse("2026-12-06T10:00:00Z");
        ConversationId talkedId = ConversationId.parse(talked);
        stubs.lastMessages.put(talkedId, new MessagePreview(talkedId, Role.ASSISTANT, "Your plumber is on the way.", at));

        JsonNode items = json(server.get(CONVERSATIONS, "alice")).path("items");

        JsonNode withMessage = items.get(0).path("id").asText().equals(talked) ? items.get(0) : items.get(1);
        JsonNode withoutMessage = withMessage == items.get(0) ? items.get(1) : items.get(0);
        assertThat(withMessage.path("last_message").path("role").asText()).isEqualTo("assistant");
        assertThat(withMessage.path("last_message").path("content").asText()).isEqualTo("Your plumber is on the way.");
        assertThat(withMessage.path("last_message").path("created_at").asText()).isEqualTo("2026-12-06T10:00:00Z");
        assertThat(withoutMessage.has("last_message")).isTrue();
        assertThat(withoutMessage.path("last_message").isNull()).isTrue();
        assertThat(quiet).contains("\"quiet\"");
    }

    @Test
    void aNonIntegerLimit_is400_andAnUnknownStatus_is422() {
        start();
        assertProblem(server.get(CONVERSATIONS + "?limit=ten", "alice"), 400, "bad_parameter");
        assertProblem(server.get(CONVERSATIONS + "?status=deleted", "alice"), 422, "validation_failed");
    }

    @Test
    void anotherUsersConversation_isNotFound_andAMalformedIdToo() {
        String id = createConversation("alice");

        assertThat(server.get(CONVERSATIONS + "/" + id, "alice").statusCode()).isEqualTo(200);
        assertProblem(server.get(CONVERSATIONS + "/" + id, "bob"), 404, "not_found");
        assertProblem(server.get(CONVERSATIONS + "/not-a-uuid", "bob"), 404, "not_found");
    }

    @Test
    void aRateLimitedTurn_is429_withRetryAfter() {
        stubs.sendMessage = Stubs.turnsEndingWith(new TurnOutcome.RateLimited(Duration.ofMillis(1500)));
        String id = createConversation("alice");

        var response = server.postJson(CONVERSATIONS + "/" + id + "/messages", "alice", "{\"message\":\"hi\"}");

        assertProblem(response, 429, "rate_limited");
        assertThat(response.headers().firstValue("Retry-After")).hasValue("2");
    }

    @Test
    void modelFailures_are502And504() {
        var ok = Stubs.completed(new io.confab.domain.ConversationId(java.util.UUID.randomUUID()), "hi");
        stubs.sendMessage = Stubs.turnsEndingWith(new TurnOutcome.Failed(ok.userMessage(), ok.assistantMessage(),
                TurnFailure.MODEL_UNAVAILABLE, "The model provider failed."));
        String id = createConversation("alice");
        assertProblem(server.postJson(CONVERSATIONS + "/" + id + "/messages", "alice", "{\"message\":\"hi\"}"),
                502, "model_unavailable");

        stubs.sendMessage = Stubs.turnsEndingWith(new TurnOutcome.Failed(ok.userMessage(), ok.assistantMessage(),
                TurnFailure.MODEL_TIMEOUT, "The model timed out."));
        server.close();
        start();
        String again = json(server.postJson(CONVERSATIONS, "alice", "{}")).path("id").asText();
        assertProblem(server.postJson(CONVERSATIONS + "/" + again + "/messages", "alice", "{\"message\":\"hi\"}"),
                504, "model_timeout");
    }

    @Test
    void aTurnWhoseStoreFailed_is503_withRetryAfter() {
        var ok = Stubs.completed(new io.confab.domain.ConversationId(java.util.UUID.randomUUID()), "hi");
        stubs.sendMessage = Stubs.turnsEndingWith(new TurnOutcome.Failed(ok.userMessage(), ok.assistantMessage(),
                TurnFailure.STORE_UNAVAILABLE, "The reply could not be stored."));
        String id = createConversation("alice");

        var response = server.postJson(CONVERSATIONS + "/" + id + "/messages", "alice", "{\"message\":\"hi\"}");

        assertProblem(response, 503, "store_unavailable");
        assertThat(response.headers().firstValue("Retry-After")).hasValue("5");
    }

    @Test
    void anEmptyMessage_is422() {
        String id = createConversation("alice");

        var response = server.postJson(CONVERSATIONS + "/" + id + "/messages", "alice", "{\"message\":\"  \"}");

        assertProblem(response, 422, "validation_failed");
        assertThat(json(response).path("errors").get(0).path("field").asText()).isEqualTo("message");
    }

    @Test
    void aStoreThatIsDown_is503() {
        stubs.listTasks = (owner, filter) -> {
            throw new StoreUnavailableException("connection refused", null);
        };
        start();

        var response = server.get("/api/v1/tasks", "alice");

        assertProblem(response, 503, "store_unavailable");
        assertThat(json(response).path("detail").asText()).contains("database");
        assertThat(response.headers().firstValue("Retry-After")).hasValue("5");
    }

    @Test
    void anEventLogThatIsDown_is503_namingTheEventLog_notTheDatabase() {
        String id = createConversation("alice");
        stubs.followTurn = (user, conversation, after, listener) -> {
            throw new StoreUnavailableException(StoreUnavailableException.Store.EVENT_LOG, "redis down", null);
        };

        var response = server.get(CONVERSATIONS + "/" + id + "/stream", "alice");

        assertProblem(response, 503, "event_log_unavailable");
        assertThat(json(response).path("detail").asText()).contains("Live updates").doesNotContain("database");
        assertThat(response.headers().firstValue("Retry-After")).hasValue("5");
    }

    @Test
    void aBug_is500_withoutAStackTrace() {
        stubs.listTasks = (owner, filter) -> {
            throw new IllegalStateException("boom");
        };
        start();

        var response = server.get("/api/v1/tasks", "alice");
        assertProblem(response, 500, "internal_error");
        assertThat(response.body()).doesNotContain("boom");
    }

    @Test
    void cancelWithoutARunningTurn_is409() {
        String id = createConversation("alice");

        assertProblem(server.postJson(CONVERSATIONS + "/" + id + "/cancel", "alice", ""), 409, "no_running_turn");
    }

    @Test
    void feedback_is204WhenStored_404ForAMessageNotFound_422ForAnUnknownRating() {
        java.util.List<String> given = new java.util.ArrayList<>();
        stubs.giveFeedback = (owner, conversation, message, feedback) -> {
            given.add(owner.value() + " " + feedback.rating().wireName() + " " + feedback.comment().orElse("-"));
            return false;
        };
        String id = createConversation("alice");
        String path = CONVERSATIONS + "/" + id + "/messages/" + java.util.UUID.randomUUID() + "/feedback";

        assertProblem(put(path, "alice", "{\"rating\":\"up\",\"comment\":\" thanks \"}"), 404, "not_found");
        assertThat(given).containsExactly("alice up thanks");
        stubs.giveFeedback = (owner, conversation, message, feedback) -> true;
        assertThat(put(path, "alice", "{\"rating\":\"down\"}").statusCode()).isEqualTo(204);
        assertProblem(put(path, "alice", "{\"rating\":\"meh\"}"), 422, "validation_failed");
        assertProblem(put(path, "alice", "{}"), 422, "validation_failed");
        assertProblem(put(CONVERSATIONS + "/" + id + "/messages/nope/feedback", "alice", "{\"rating\":\"up\"}"), 404, "not_found");
    }

    private HttpResponse<String> put(String path, String user, String json) {
        return server.send(server.request(path, user).header("Content-Type", "application/json")
                .PUT(java.net.http.HttpRequest.BodyPublishers.ofString(json)));
    }

    @Test
    void search_answersTheCallersHits_messageAndTitle() {
        ConversationId conversation = new ConversationId(UUID.randomUUID());
        MessageId message = new MessageId(UUID.randomUUID());
        Instant at = Instant.parse("2026-03-01T10:00:00Z");
        List<SearchUseCase.Search> asked = new ArrayList<>();
        stubs.search = search -> {
            asked.add(search);
            return List.of(SearchHit.inMessage(conversation, message, Role.ASSISTANT, "the dentist at 9", at),
                    SearchHit.inTitle(conversation, "Dentist", at));
        };
        start();

        var response = server.get("/api/v1/chat/search?limit=5&q=" + URLEncoder.encode("dentist \"or\" -x %", UTF_8), "alice");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(asked).containsExactly(new SearchUseCase.Search(new UserId("alice"), "dentist \"or\" -x %", 5));
        JsonNode items = json(response).path("items");
        assertThat(items.get(0).path("conversation_id").asText()).isEqualTo(conversation.toString());
        assertThat(items.get(0).path("message_id").asText()).isEqualTo(message.toString());
        assertThat(items.get(0).path("role").asText()).isEqualTo("assistant");
        assertThat(items.get(0).path("snippet").asText()).isEqualTo("the dentist at 9");
        assertThat(items.get(0).path("created_at").asText()).isEqualTo("2026-03-01T10:00:00Z");
        assertThat(items.get(1).get("message_id").isNull()).isTrue();
        assertThat(items.get(1).path("role").asText()).isEqualTo("title");
    }

    @Test
    void search_withoutQ_is400_andAnEmptyOrOverLongQ_orALimitOutOfRange_is422() {
        start();

        assertProblem(server.get("/api/v1/chat/search", "alice"), 400, "bad_parameter");
        assertProblem(server.get("/api/v1/chat/search?q=", "alice"), 400, "bad_parameter");
        assertProblem(server.get("/api/v1/chat/search?q=x&limit=many", "alice"), 400, "bad_parameter");
        assertProblem(server.get("/api/v1/chat/search?q=%20%20", "alice"), 422, "validation_failed");
        assertProblem(server.get("/api/v1/chat/search?q=" + "x".repeat(201), "alice"), 422, "validation_failed");
        assertProblem(server.get("/api/v1/chat/search?q=x&limit=0", "alice"), 422, "validation_failed");
        assertProblem(server.get("/api/v1/chat/search?q=x&limit=51", "alice"), 422, "validation_failed");
        assertProblem(server.get("/api/v1/chat/search?q=x", null), 401, "missing_token");
    }

    @Test
    void oneShotChat_onAnotherUsersPath_is403() {
        start();
        assertProblem(server.postJson("/api/bob/chat", "alice", "{\"message\":\"hi\"}"), 403, "forbidden");
    }

    @Test
    void oneShotChat_answersWithTheAssistantReply() {
        start();
        var response = server.postJson("/api/alice/chat", "alice", "{\"message\":\"hi\"}");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = json(response);
        assertThat(body.path("role").asText()).isEqualTo("assistant");
        assertThat(body.path("content").asText()).isEqualTo("Hello!");
        assertThat(body.path("response").asText()).isEqualTo("Hello!");
        assertThat(body.path("tool_calls").isArray()).isTrue();
    }

    @Test
    void devToken_isNotFound_whenNoDevTokensAreConfigured() {
        start();
        assertProblem(server.postJson("/api/v1/auth/dev-token", null, "{\"user_id\":\"alice\"}"), 404, "not_found");
    }

    @Test
    void devToken_mintsATokenTheApiAccepts(@TempDir Path dataDir) {
        DevTokens devTokens = DevTokens.loadOrCreate(dataDir, Clock.systemUTC());
        server = RestServer.start(stubs, builder -> builder.tokenVerifier(null).devTokens(devTokens));

        JsonNode token = json(server.postJson("/api/v1/auth/dev-token", null, "{\"user_id\":\"alice\"}"));
        var list = server.send(server.request(CONVERSATIONS, null)
                .header("Authorization", "Bearer " + token.path("access_token").asText()));

        assertThat(token.path("token_type").asText()).isEqualTo("Bearer");
        assertThat(token.path("expires_in").asLong()).isEqualTo(3600);
        assertThat(list.statusCode()).isEqualTo(200);
    }

    @Test
    void readiness_is503_withDetails_whenACheckFails() {
        server = RestServer.start(stubs, builder -> builder
                .readinessCheck("database", () -> {
                    throw new IllegalStateException("connection refused");
                }));

        var response = server.get("/health/ready", null);

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(json(response).path("checks").path("database").path("detail").asText()).isEqualTo("connection refused");
        assertThat(response.headers().firstValue("Retry-After")).hasValue("5");
    }

    @Test
    void readinessDetails_areShown_butNeverFailReadiness() {
        server = RestServer.start(stubs, builder -> builder
                .readinessDetail("redis", () -> Map.of("status", "degraded"))
                .readinessDetail("broken", () -> {
                    throw new IllegalStateException("no idea");
                }));

        var response = server.get("/health/ready", null);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response).path("checks").path("redis").path("status").asText()).isEqualTo("degraded");
        assertThat(json(response).path("checks").path("broken").path("status").asText()).isEqualTo("unknown");
    }

    @Test
    void metrics_reportLatencyByRouteTemplate_notByRawPath() {
        String id = createConversation("alice");
        server.get(CONVERSATIONS + "/" + id, "alice");

        String metrics = server.get("/metrics", null).body();

        assertThat(metrics).contains("http_server_requests_seconds_bucket")
                .contains("route=\"/api/v1/chat/conversations/{id}\"")
                .doesNotContain(id)
                .contains("confab_sse_streams_open");
    }
}
