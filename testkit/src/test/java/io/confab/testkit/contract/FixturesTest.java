package io.confab.testkit.contract;

import static io.confab.domain.json.JsonValue.object;
import static io.confab.domain.json.JsonValue.of;
import static io.confab.testkit.contract.Fixtures.assertSameValue;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.confab.domain.json.JsonValue;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** The contracts' value comparison treats JSON as databases return it, and still sees real differences. */
class FixturesTest {

    @Test
    void jsonNumbers_compareByValue_andMembers_inAnyOrder() {
        JsonValue written = object("a", of(1), "b", of("x"));
        JsonValue readBack = object("b", of("x"), "a", new JsonValue.Num(new BigDecimal("1.0")));

        assertSameValue(readBack, written);
    }

    @Test
    void differentValues_fail() {
        assertThatThrownBy(() -> assertSameValue(object("a", of(2)), object("a", of(1))))
                .isInstanceOf(AssertionError.class);
        assertThatThrownBy(() -> assertSameValue(object("a", of(1), "c", of(1)), object("a", of(1))))
                .isInstanceOf(AssertionError.class);
    }
}
