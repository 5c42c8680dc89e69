package io.confab.domain;

import static io.confab.domain.Refusals.assertRefusedOn;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ExternalIdTest {

    @Test
    void aFrontendsChatId_isAnExternalIdThatPrintsAsItself() {
        assertThat(new ExternalId("ticket:42/chat-Ab3")).hasToString("ticket:42/chat-Ab3");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "\t "})
    void aBlankValue_isRefused(String value) {
        assertRefusedOn("external_id", () -> new ExternalId(value));
    }

    @Test
    void aMissingValue_isRefused() {
        assertRefusedOn("external_id", () -> new ExternalId(null));
    }

    @Test
    void aValueOf255Characters_isAccepted_andOneMoreIsRefused() {
        assertThat(new ExternalId("x".repeat(ExternalId.MAX_LENGTH)).value()).hasSize(255);
        assertRefusedOn("external_id", () -> new ExternalId("x".repeat(ExternalId.MAX_LENGTH + 1)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"a\nb", "a\u0000", "a\u001b[31m", "a\u2028b"})
    void aControlCharacter_isRefused(String value) {
        assertRefusedOn("external_id", () -> new ExternalId(value));
    }
}
