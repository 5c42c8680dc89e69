package io.confab.domain;

import static io.confab.domain.Refusals.assertRefusedOn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The UUID-backed ids (conversation, message, turn) parse, print and refuse alike. */
class UuidIdsTest {

    private static final String TEXT = "0190f1a2-3b4c-7d5e-8f60-718293a4b5c6";

    static Stream<Arguments> ids() {
        return Stream.of(
                Arguments.of("conversation_id", (Function<String, Object>) ConversationId::parse,
                        (Function<UUID, Object>) ConversationId::new),
                Arguments.of("message_id", (Function<String, Object>) MessageId::parse,
                        (Function<UUID, Object>) MessageId::new),
                Arguments.of("turn_id", (Function<String, Object>) TurnId::parse,
                        (Function<UUID, Object>) TurnId::new));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ids")
    void aWellFormedUuid_parsesToTheIdOfThatUuid(String field, Function<String, Object> parse,
                                                  Function<UUID, Object> create) {
        assertThat(parse.apply(TEXT)).isEqualTo(create.apply(UUID.fromString(TEXT)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ids")
    void anId_printsAsItsBareUuid(String field, Function<String, Object> parse, Function<UUID, Object> create) {
        assertThat(parse.apply(TEXT)).hasToString(TEXT);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ids")
    void malformedText_isRefusedOnTheIdsField(String field, Function<String, Object> parse,
                                               Function<UUID, Object> create) {
        assertRefusedOn(field, () -> parse.apply("not-a-uuid"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ids")
    void emptyText_isRefusedOnTheIdsField(String field, Function<String, Object> parse,
                                           Function<UUID, Object> create) {
        assertRefusedOn(field, () -> parse.apply(""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ids")
    void missingText_isRefusedOnTheIdsField(String field, Function<String, Object> parse,
                                             Function<UUID, Object> create) {
        assertRefusedOn(field, () -> parse.apply(null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ids")
    void anIdWithoutAUuid_isABug(String field, Function<String, Object> parse, Function<UUID, Object> create) {
        assertThatThrownBy(() -> create.apply(null)).isInstanceOf(NullPointerException.class);
    }
}
