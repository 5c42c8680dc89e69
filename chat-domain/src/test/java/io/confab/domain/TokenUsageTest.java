package io.confab.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TokenUsageTest {

    @Test
    void theTotal_isPromptPlusCompletionTokens() {
        assertThat(new TokenUsage(120, 30).total()).isEqualTo(150);
    }

    @Test
    void none_countsNothing() {
        assertThat(TokenUsage.NONE.total()).isZero();
    }

    @Test
    void plus_addsPromptAndCompletionTokensSeparately() {
        assertThat(new TokenUsage(120, 30).plus(new TokenUsage(5, 7))).isEqualTo(new TokenUsage(125, 37));
    }

    @Test
    void plusNone_changesNothing() {
        assertThat(new TokenUsage(120, 30).plus(TokenUsage.NONE)).isEqualTo(new TokenUsage(120, 30));
    }

    @Test
    void negativePromptTokens_areABug() {
        assertThatThrownBy(() -> new TokenUsage(-1, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void negativeCompletionTokens_areABug() {
        assertThatThrownBy(() -> new TokenUsage(0, -1)).isInstanceOf(IllegalArgumentException.class);
    }
}
