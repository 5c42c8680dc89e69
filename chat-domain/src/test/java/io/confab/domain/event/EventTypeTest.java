package io.confab.domain.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class EventTypeTest {

    /** The records of the sealed {@link ChatEvent} hierarchy, however deep. */
    private static Stream<Class<?>> records(Class<?> type) {
        return type.isRecord() ? Stream.of(type) : Arrays.stream(type.getPermittedSubclasses()).flatMap(EventTypeTest::records);
    }

    @Test
    void everyEventRecord_hasExactlyOneEntry_andEveryEntryNamesARecord() {
        List<Class<?>> records = records(ChatEvent.class).toList();

        assertThat(Arrays.stream(EventType.values()).<Class<?>>map(EventType::eventClass).toList())
                .containsExactlyInAnyOrderElementsOf(records);
    }

    @Test
    void wireNames_areUniqueSnakeCase_andFoundAgain() {
        assertThat(Arrays.stream(EventType.values()).map(EventType::wireName).distinct()).hasSize(EventType.values().length);
        for (EventType type : EventType.values()) {
            assertThat(type.wireName()).matches("[a-z]+(_[a-z]+)*");
            assertThat(EventType.fromWireName(type.wireName())).contains(type);
        }
        assertThat(EventType.fromWireName("nope")).isEmpty();
    }
}
