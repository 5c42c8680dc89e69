package io.confab.domain;

import static io.confab.domain.Refusals.assertRefusedOn;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UserIdTest {

    @Test
    void aPlainSubject_isAUserIdThatPrintsAsItself() {
        assertThat(new UserId("auth0|alice")).hasToString("auth0|alice");
    }

    @Test
    void aMissingValue_isRefused() {
        assertRefusedOn("user_id", () -> new UserId(null));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "\t "})
    void aBlankValue_isRefused(String value) {
        assertRefusedOn("user_id", () -> new UserId(value));
    }

    @Test
    void aValueOf255Characters_isAccepted() {
        assertThat(new UserId("u".repeat(UserId.MAX_LENGTH)).value()).hasSize(255);
    }

    @Test
    void aValueOver255Characters_isRefused() {
        assertRefusedOn("user_id", () -> new UserId("u".repeat(UserId.MAX_LENGTH + 1)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"alice\nbob", "alice\rbob", "alice\u0000", "alice\u001b[31m", "alice\u007f",
            "alice\u0085", "alice\u2028bob", "alice\u2029bob"})
    void aValueWithAControlCharacterOrLineSeparator_isRefused(String value) {
        assertRefusedOn("user_id", () -> new UserId(value));
    }

    @Test
    void aValueWithNonAsciiLetters_isAccepted() {
        assertThat(new UserId("zoë-Ωmega").value()).isEqualTo("zoë-Ωmega");
    }
}
