package io.confab.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.confab.domain.json.JsonValue;
import io.confab.domain.metadata.MetadataProfile;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/** JSON Schema validation on networknt, against the shipped home-services profile. */
class NetworkntSchemaValidatorTest {

    private final NetworkntSchemaValidator validator = new NetworkntSchemaValidator();

    @Test
    void aValidObject_hasNoViolations() throws IOException {
        assertThat(violations("{\"service_type\":\"plumbing\",\"urgency\":\"emergency\",\"confidence\":0.9,"
                + "\"next_steps\":[\"Turn off the water\"]}")).isEmpty();
    }

    @Test
    void anUnknownUrgency_isAViolation() throws IOException {
        assertThat(violations("{\"service_type\":\"plumbing\",\"urgency\":\"whenever\",\"confidence\":0.9,\"next_steps\":[]}"))
                .singleElement().asString().contains("urgency");
    }

    @Test
    void aConfidenceOutsideItsRange_isAViolation() throws IOException {
        assertThat(violations("{\"service_type\":\"plumbing\",\"urgency\":\"low\",\"confidence\":0.99,\"next_steps\":[]}"))
                .singleElement().asString().contains("confidence");
    }

    @Test
    void moreThanFourNextSteps_isAViolation() throws IOException {
        assertThat(violations("{\"service_type\":\"plumbing\",\"urgency\":\"low\",\"confidence\":0.5,"
                + "\"next_steps\":[\"a\",\"b\",\"c\",\"d\",\"e\"]}")).singleElement().asString().contains("next_steps");
    }

    @Test
    void aMissingMemberOrAnExtraOne_isAViolation() throws IOException {
        assertThat(violations("{\"service_type\":\"plumbing\",\"urgency\":\"low\",\"next_steps\":[],\"confidence\":0.5,\"x\":1}"))
                .isNotEmpty();
        assertThat(violations("{\"service_type\":\"plumbing\",\"urgency\":\"low\",\"next_steps\":[]}")).isNotEmpty();
    }

    @Test
    void aValueThatIsNotAnObject_isAViolation() throws IOException {
        assertThat(validator.violations(MetadataProfilesTest.homeServices().schema(), JsonValue.of("plumbing"))).isNotEmpty();
    }

    @Test
    void aSchemaThatIsNotAJsonSchema_isRejected() {
        JsonValue.Obj broken = JsonValue.object("type", JsonValue.of(12));

        assertThatThrownBy(() -> validator.violations(broken, JsonValue.Obj.empty()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private java.util.List<String> violations(String json) throws IOException {
        MetadataProfile profile = MetadataProfilesTest.homeServices();
        return validator.violations(profile.schema(), JsonValues.parse(json));
    }
}
