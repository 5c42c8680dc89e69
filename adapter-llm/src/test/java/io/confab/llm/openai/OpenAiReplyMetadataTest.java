package io.confab.llm.openai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.confab.application.ReplyMetadata;
import io.confab.domain.json.JsonValue;
import io.confab.domain.metadata.MetadataProfile;
import io.confab.domain.metadata.MetadataRequest;
import io.confab.domain.model.ChatModelException;
import io.confab.json.JsonValues;
import io.confab.json.MetadataProfiles;
import io.confab.json.NetworkntSchemaValidator;
import io.confab.testkit.openai.FakeOpenAiServer;
import io.confab.testkit.openai.FakeReply;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Reply metadata from the model under a strict json_schema response format, against the fake server. */
class OpenAiReplyMetadataTest {

    private static final String PLUMBING = "{\"service_type\":\"plumbing\",\"urgency\":\"emergency\","
            + "\"confidence\":0.9,\"next_steps\":[\"Turn off the water\"]}";

    private FakeOpenAiServer server;
    private OpenAiChatModel model;
    private MetadataProfile profile;

    @BeforeEach
    void start() throws IOException {
        profile = MetadataProfiles.read(Files.readString(Path.of("..", "docs", "profiles", "home-services.json")));
        server = FakeOpenAiServer.start();
        model = new OpenAiChatModel(OpenAiSettings.of(server.baseUrl(), "sk-test", "fake-model")
                .withTimeouts(Duration.ofSeconds(30), Duration.ofSeconds(5), Duration.ofSeconds(10)));
    }

    @AfterEach
    void stop() {
        model.close();
        server.close();
    }

    @Test
    void replyMetadata_asksForTheProfilesSchemaAsAStrictJsonSchema_andParsesTheAnswer() {
        server.onStructuredOutput("pipe burst", FakeReply.text(PLUMBING));

        var answer = model.replyMetadata(new MetadataRequest(profile, "My pipe burst!", "A plumber is on the way."));

        assertThat(answer).contains(JsonValues.parse(PLUMBING));
        JsonNode request = server.lastRequest().body();
        assertThat(request.path("stream").asBoolean(false)).isFalse();
        JsonNode format = request.path("response_format");
        assertThat(format.path("type").asText()).isEqualTo("json_schema");
        assertThat(format.path("json_schema").path("strict").asBoolean()).isTrue();
        assertThat(format.path("json_schema").path("name").asText()).isEqualTo(RequestMapper.METADATA_SCHEMA_NAME);
        assertThat(JsonValues.fromNode(format.path("json_schema").path("schema"))).isEqualTo(profile.schema());
        assertThat(request.path("messages").get(0).path("content").asText()).isEqualTo(profile.instructions());
        assertThat(request.path("messages").get(1).path("content").asText())
                .contains("My pipe burst!", "A plumber is on the way.");
    }

    @Test
    void anAnswerThatIsNotJson_isAnError() {
        server.onStructuredOutput("pipe", FakeReply.text("plumbing, I think"));

        assertThatThrownBy(() -> model.replyMetadata(new MetadataRequest(profile, "My pipe burst!", "On my way.")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aProviderFailure_isAChatModelException_afterOneCall() {
        server.onStructuredOutput("pipe", FakeReply.serverError(500));

        assertThatThrownBy(() -> model.replyMetadata(new MetadataRequest(profile, "My pipe burst!", "On my way.")))
                .isInstanceOf(ChatModelException.class);
        assertThat(server.requests()).hasSize(1);
    }

    @Test
    void underTheProfile_aValidAnswerIsKept_anInvalidOneAMissingOneOrAFailureGivesTheFallback() {
        ReplyMetadata metadata = ReplyMetadata.of(profile, new NetworkntSchemaValidator());
        server.onStructuredOutput("pipe", FakeReply.text(PLUMBING));
        server.onStructuredOutput("paint", FakeReply.text(PLUMBING.replace("emergency", "whenever")));
        server.onStructuredOutput("roof", FakeReply.text("not json"));
        server.onStructuredOutput("garage", FakeReply.serverError(503));
        server.onStructuredOutput("window", FakeReply.text(""));

        assertThat(metadata.describe(model, "My pipe burst!", "On my way.")).contains((JsonValue.Obj) JsonValues.parse(PLUMBING));
        assertThat(metadata.describe(model, "Please paint my fence", "Sure.")).contains(profile.fallback());
        assertThat(metadata.describe(model, "My roof leaks", "Sure.")).contains(profile.fallback());
        assertThat(metadata.describe(model, "My garage door is stuck", "Sure.")).contains(profile.fallback());
        assertThat(metadata.describe(model, "A window is cracked", "Sure.")).contains(profile.fallback());
    }
}
