package io.confab.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.confab.domain.json.JsonValue;
import io.confab.domain.metadata.MetadataProfile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Reading reply metadata profiles, and the shipped example checked with the real validator. */
class MetadataProfilesTest {

    /** The example profile of seed 002, shipped with the docs. */
    static final Path HOME_SERVICES = Path.of("..", "docs", "profiles", "home-services.json");

    private final NetworkntSchemaValidator validator = new NetworkntSchemaValidator();

    static MetadataProfile homeServices() throws IOException {
        return MetadataProfiles.read(Files.readString(HOME_SERVICES));
    }

    @Test
    void theShippedProfile_reads_andItsFallbackIsValidUnderItsSchema() throws IOException {
        MetadataProfile profile = homeServices();

        assertThat(profile.instructions()).isNotBlank();
        assertThat(profile.fallback().string("service_type")).contains("general_maintenance");
        assertThat(profile.fallback().string("urgency")).contains("medium");
        assertThat(profile.rules()).isNotEmpty();
        assertThat(validator.violations(profile.schema(), profile.fallback())).isEmpty();
    }

    @Test
    void everyRuleOfTheShippedProfile_setsOnlyValuesTheSchemaAllows() throws IOException {
        MetadataProfile profile = homeServices();

        profile.rules().forEach(rule -> {
            var merged = new java.util.LinkedHashMap<>(profile.fallback().members());
            merged.putAll(rule.set().members());
            assertThat(validator.violations(profile.schema(), new JsonValue.Obj(merged))).as(rule.whenAny().toString()).isEmpty();
        });
    }

    @Test
    void instructionsAndRules_mayBeLeftOut() {
        MetadataProfile profile = MetadataProfiles.read("{\"schema\":{\"type\":\"object\"},\"fallback\":{}}");

        assertThat(profile.instructions()).isEmpty();
        assertThat(profile.rules()).isEqualTo(List.of());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "[]",
            "{\"fallback\":{}}",
            "{\"schema\":{\"type\":\"string\"},\"fallback\":{}}",
            "{\"schema\":{\"type\":\"object\"}}",
            "{\"schema\":{\"type\":\"object\"},\"fallback\":[]}",
            "{\"schema\":{\"type\":\"object\"},\"fallback\":{},\"instructions\":3}",
            "{\"schema\":{\"type\":\"object\"},\"fallback\":{},\"rules\":{}}",
            "{\"schema\":{\"type\":\"object\"},\"fallback\":{},\"rules\":[{\"when_any\":[],\"set\":{}}]}",
            "{\"schema\":{\"type\":\"object\"},\"fallback\":{},\"rules\":[{\"when_any\":[\"pipe\"]}]}",
            "{\"schema\":{\"type\":\"object\"},\"fallback\":{},\"rules\":[{\"when_any\":[1],\"set\":{}}]}",
            "not json"})
    void aMalformedProfile_isRejected_sayingWhatIsWrong(String json) {
        assertThatThrownBy(() -> MetadataProfiles.read(json)).isInstanceOf(IllegalArgumentException.class);
    }
}
