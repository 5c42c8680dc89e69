package io.confab.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** Asserts that input is refused as a validation error on one named field. */
public final class Refusals {

    private Refusals() {
    }

    public static void assertRefusedOn(String field, ThrowingCallable input) {
        assertThatThrownBy(input)
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field)
                        .containsExactly(field));
    }
}
