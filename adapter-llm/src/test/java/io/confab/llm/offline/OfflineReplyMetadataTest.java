package io.confab.llm.offline;

import static org.assertj.core.api.Assertions.assertThat;

import io.confab.domain.json.JsonValue;
import io.confab.domain.metadata.MetadataProfile;
import io.confab.domain.metadata.MetadataRequest;
import io.confab.json.MetadataProfiles;
import io.confab.json.NetworkntSchemaValidator;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The offline model's reply metadata: the profile's rules over the user's message, on the shipped profile. */
class OfflineReplyMetadataTest {

    private final OfflineChatModel model = new OfflineChatModel();
    private MetadataProfile profile;

    @BeforeEach
    void readProfile() throws IOException {
        profile = MetadataProfiles.read(Files.readString(Path.of("..", "docs", "profiles", "home-services.json")));
    }

    @Test
    void aBurstPipe_isAnEmergencyPlumbingRequest() {
        JsonValue.Obj metadata = describe("Help, a pipe burst in my kitchen and water is everywhere!");

        assertThat(metadata.string("service_type")).contains("plumbing");
        assertThat(metadata.string("urgency")).contains("emergency");
        assertThat(metadata.get("confidence")).contains(new JsonValue.Num(new BigDecimal("0.9")));
        assertValid(metadata);
    }

    @Test
    void aQuoteForPainting_isALowUrgencyPaintingRequest() {
        JsonValue.Obj metadata = describe("Could I get a quote to repaint the living room?");

        assertThat(metadata.string("service_type")).contains("painting");
        assertThat(metadata.string("urgency")).contains("low");
        assertValid(metadata);
    }

    @Test
    void aMessageNoRuleKnows_getsTheFallback() {
        assertThat(describe("hello there")).isEqualTo(profile.fallback());
    }

    @Test
    void aRuleWord_matchesOnlyAtTheStartOfAWord() {
        assertThat(describe("my pants are torn").string("service_type")).contains("general_maintenance");
        assertThat(describe("the sink is leaking").string("service_type")).contains("plumbing");
    }

    private JsonValue.Obj describe(String userMessage) {
        return (JsonValue.Obj) model.replyMetadata(new MetadataRequest(profile, userMessage, "Thanks!")).orElseThrow();
    }

    private void assertValid(JsonValue.Obj metadata) {
        assertThat(new NetworkntSchemaValidator().violations(profile.schema(), metadata)).isEmpty();
    }
}
