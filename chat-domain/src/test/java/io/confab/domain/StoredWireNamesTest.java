package io.confab.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Message and tool call states read back from the lower-case names they are stored and sent under. */
class StoredWireNamesTest {

    @ParameterizedTest
    @EnumSource(MessageStatus.class)
    void everyMessageStatus_readsBackFromItsWireName(MessageStatus status) {
        assertThat(MessageStatus.fromWire(status.wireName())).isEqualTo(status);
    }

    @ParameterizedTest
    @EnumSource(ToolCallStatus.class)
    void everyToolCallStatus_readsBackFromItsWireName(ToolCallStatus status) {
        assertThat(ToolCallStatus.fromWire(status.wireName())).isEqualTo(status);
    }

    @Test
    void theRoles_areSentAsUserAndAssistant() {
        assertThat(Stream.of(Role.values()).map(Role::wireName)).containsExactly("user", "assistant");
    }
}
