package io.confab.domain;

import static io.confab.domain.Refusals.assertRefusedOn;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UserTextTest {

    @Test
    void textWithoutNul_isReturnedUnchanged() {
        assertThat(UserText.withoutNul("note", "line one\nline two\ttab")).isEqualTo("line one\nline two\ttab");
    }

    @Test
    void missingText_passesAsNull() {
        assertThat(UserText.withoutNul("note", null)).isNull();
    }

    @Test
    void textWithNul_isRefusedOnTheNamedField() {
        assertRefusedOn("note", () -> UserText.withoutNul("note", "a\u0000b"));
    }

    @Test
    void aTab_isAControlCharacter() {
        assertThat(UserText.hasControlCharacter("a\tb")).isTrue();
    }

    @Test
    void aC1Character_isAControlCharacter() {
        assertThat(UserText.hasControlCharacter("a\u009bb")).isTrue();
    }

    @Test
    void aParagraphSeparator_countsAsAControlCharacter() {
        assertThat(UserText.hasControlCharacter("a\u2029b")).isTrue();
    }

    @Test
    void printableTextWithSpacesAndEmoji_hasNoControlCharacter() {
        assertThat(UserText.hasControlCharacter("Grüße, 世界 🎉")).isFalse();
    }
}
