package io.confab.bootstrap;

import static io.confab.testkit.http.TestHttp.CONVERSATIONS;
import static io.confab.testkit.http.TestHttp.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.confab.testkit.auth.TestTokens;
import io.confab.testkit.http.SseClient;
import io.confab.testkit.http.TestHttp;
import io.confab.testkit.openai.FakeOpenAiServer;
import io.confab.testkit.openai.FakeReply;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server on an OpenAI-compatible endpoint that fails (the fake, over real HTTP): users are
 * told what happened without the endpoint's address (SPEC §18), and CONFAB_MODEL_TIMEOUT bounds
 * the whole model call.
 */
class ModelEndpointServerTest {

    @TempDir
    Path dataDir;

    private final FakeOpenAiServer endpoint = FakeOpenAiServer.start();
    private final String token = TestTokens.token("model-user");
    private ConfabServer server;
    private TestHttp api;

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop();
        }
        endpoint.close();
    }

    @Test
    void aFailingEndpoint_is502_andNeitherTheProblemNorTheSseErrorShowsItsAddress() {
        endpoint.defaultReply(FakeReply.serverError(500));
        start(Map.of("CONFAB_MODEL_MAX_RETRIES", "0"));
        String conversation = CONVERSATIONS + "/" + api.createConversation(token, "failing");

        HttpResponse<String> answer = api.post(conversation + "/messages", token, "{\"message\":\"hello\"}");
        JsonNode error = SseClient.open(api, api.request(conversation + "/stream?message=again", token))
                .untilTerminal().getLast();

        assertThat(answer.statusCode()).isEqualTo(502);
        assertThat(error.path("type").asText()).isEqualTo("error");
        for (String shown : List.of(json(answer).path("detail").asText(), error.path("message").asText())) {
            assertThat(shown).contains("HTTP 500")
                    .doesNotContain("127.0.0.1", String.valueOf(endpoint.port()), "http:", "Exception");
        }
    }

    @Test
    void aSilentEndpoint_is504_afterTheConfiguredModelTimeout() {
        endpoint.defaultReply(FakeReply.stall());
        start(Map.of("CONFAB_MODEL_TIMEOUT", "1s", "CONFAB_MODEL_READ_TIMEOUT", "30s"));
        String conversation = CONVERSATIONS + "/" + api.createConversation(token, "silent");
        long started = System.nanoTime();

        HttpResponse<String> answer = api.post(conversation + "/messages", token, "{\"message\":\"hello\"}");

        assertThat(answer.statusCode()).isEqualTo(504);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isBetween(Duration.ofSeconds(1), Duration.ofSeconds(5));
        assertThat(json(answer).path("detail").asText()).doesNotContain("127.0.0.1", "http:");
    }

    @Test
    void underAMetadataProfile_repliesCarryTheModelsStructuredOutput_orTheFallbackWhenItIsInvalid() {
        endpoint.defaultReply(FakeReply.text("We will send someone."));
        endpoint.onStructuredOutput("pipe", FakeReply.text("{\"service_type\":\"plumbing\",\"urgency\":\"emergency\","
                + "\"confidence\":0.9,\"next_steps\":[\"Turn off the water supply.\"]}"));
        endpoint.onStructuredOutput("fence", FakeReply.text("{\"service_type\":\"painting\",\"urgency\":\"whenever\"}"));
        start(Map.of("CONFAB_REPLY_METADATA", ServerContract.HOME_SERVICES.toString()));
        String conversation = CONVERSATIONS + "/" + api.createConversation(token, "home");

        JsonNode valid = json(api.post(conversation + "/messages", token, "{\"message\":\"my pipe burst\"}"))
                .path("assistant_message");
        JsonNode invalid = json(api.post(conversation + "/messages", token, "{\"message\":\"paint my fence\"}"))
                .path("assistant_message");

        assertThat(valid.path("content").asText()).isEqualTo("We will send someone.");
        assertThat(valid.path("metadata").path("service_type").asText()).isEqualTo("plumbing");
        assertThat(valid.path("metadata").path("urgency").asText()).isEqualTo("emergency");
        assertThat(invalid.path("content").asText()).isEqualTo("We will send someone.");
        assertThat(invalid.path("metadata").path("service_type").asText()).isEqualTo("general_maintenance");
        assertThat(endpoint.requests()).anySatisfy(request ->
                assertThat(request.body().path("response_format").path("json_schema").path("strict").asBoolean()).isTrue());
    }

    private void start(Map<String, String> modelSettings) {
        Map<String, String> values = new HashMap<>(modelSettings);
        values.put("CONFAB_PORT", "0");
        values.put("CONFAB_DATA_DIR", dataDir.toString());
        values.putAll(TestTokens.serverSettings());
        values.putAll(endpoint.confabSettings());
        values.put("CONFAB_SHUTDOWN_GRACE_SECONDS", "1");
        server = ConfabServer.start(ConfabConfig.of(values));
        api = new TestHttp(server.uri());
    }
}
