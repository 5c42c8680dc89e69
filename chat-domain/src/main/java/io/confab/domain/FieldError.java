package io.confab.domain;

/** One rejected input field: which field and why, in words a client can show. */
public record FieldError(String field, String message) {
}
