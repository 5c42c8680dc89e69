package io.confab.domain;

import static io.confab.domain.Refusals.assertRefusedOn;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class ConversationStatusTest {

    @ParameterizedTest
    @EnumSource(ConversationStatus.class)
    void everyStatus_readsBackFromItsWireName(ConversationStatus status) {
        assertThat(ConversationStatus.fromWire(status.wireName())).isEqualTo(status);
    }

    @ParameterizedTest
    @EnumSource(ConversationStatus.class)
    void theWireName_isLowerCase(ConversationStatus status) {
        assertThat(status.wireName()).isLowerCase();
    }

    @ParameterizedTest
    @ValueSource(strings = {"deleted", "ACTIVE", "Active", ""})
    void anUnknownWireName_isRefusedOnStatus(String text) {
        assertRefusedOn("status", () -> ConversationStatus.fromWire(text));
    }
}
