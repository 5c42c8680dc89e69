package io.confab.domain;

import java.util.List;

/** Input that breaks a domain invariant; adapters answer it with 422 and the per-field errors. */
public final class ValidationException extends RuntimeException {

    private final transient List<FieldError> errors;

    public ValidationException(List<FieldError> errors) {
        super(errors.isEmpty() ? "invalid input" : errors.get(0).field() + ": " + errors.get(0).message());
        this.errors = List.copyOf(errors);
    }

    public ValidationException(String field, String message) {
        this(List.of(new FieldError(field, message)));
    }

    public List<FieldError> errors() {
        return errors;
    }
}
