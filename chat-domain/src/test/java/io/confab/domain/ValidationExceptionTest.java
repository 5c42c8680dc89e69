package io.confab.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ValidationExceptionTest {

    @Test
    void aSingleFieldError_isItsOnlyError() {
        assertThat(new ValidationException("title", "is too long").errors())
                .containsExactly(new FieldError("title", "is too long"));
    }

    @Test
    void theMessage_namesTheFirstFieldAndWhy() {
        ValidationException e = new ValidationException(List.of(
                new FieldError("title", "is too long"), new FieldError("status", "is unknown")));

        assertThat(e).hasMessage("title: is too long");
    }

    @Test
    void allErrors_areKeptInOrder() {
        ValidationException e = new ValidationException(List.of(
                new FieldError("title", "is too long"), new FieldError("status", "is unknown")));

        assertThat(e.errors()).extracting(FieldError::field).containsExactly("title", "status");
    }

    @Test
    void withoutErrors_theMessageSaysInvalidInput() {
        assertThat(new ValidationException(List.of())).hasMessage("invalid input");
    }

    @Test
    void theErrors_areACopyThatLaterChangesToTheGivenListDoNotReach() {
        List<FieldError> given = new ArrayList<>(List.of(new FieldError("title", "is too long")));
        ValidationException e = new ValidationException(given);

        given.add(new FieldError("status", "is unknown"));

        assertThat(e.errors()).hasSize(1);
    }

    @Test
    void theErrors_cannotBeChanged() {
        ValidationException e = new ValidationException("title", "is too long");

        assertThatThrownBy(() -> e.errors().add(new FieldError("x", "y")))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void twoFieldErrorsWithTheSameFieldAndMessage_areEqual() {
        assertThat(new FieldError("title", "is too long")).isEqualTo(new FieldError("title", "is too long"));
    }
}
