package io.confab.rest;

import io.confab.domain.ErrorCode;
import io.confab.domain.FieldError;
import java.util.List;
import java.util.Map;

/**
 * An error answer before it is written as {@code application/problem+json}: the status, a stable
 * machine {@code code}, human text, per-field errors (422), extra members of the body (the
 * running {@code turn_id} of a 409) and extra headers (Retry-After, Allow, WWW-Authenticate).
 */
record Problem(int status, ErrorCode code, String title, String detail, List<FieldError> errors,
               Map<String, String> members, Map<String, String> headers) {

    Problem {
        errors = List.copyOf(errors);
        members = Map.copyOf(members);
        headers = Map.copyOf(headers);
    }

    /** How long a client waits before retrying after a 503: a store that is down is usually back within seconds. */
    static final long RETRY_AFTER_SECONDS = 5;

    static Problem of(int status, ErrorCode code, String title, String detail) {
        return new Problem(status, code, title, detail, List.of(), Map.of(), Map.of());
    }

    Problem withHeader(String name, String value) {
        Map<String, String> all = new java.util.HashMap<>(headers);
        all.put(name, value);
        return new Problem(status, code, title, detail, errors, members, all);
    }

    /** Adds a member to the body, beside the standard ones. */
    Problem withMember(String name, String value) {
        Map<String, String> all = new java.util.HashMap<>(members);
        all.put(name, value);
        return new Problem(status, code, title, detail, errors, all, headers);
    }

    /** Thrown by handlers to answer with this problem; mapped in one place ({@link ErrorMapping}). */
    ProblemException toException() {
        return new ProblemException(this);
    }

    static Problem badRequest(ErrorCode code, String detail) {
        return of(400, code, "Bad request", detail);
    }

    static Problem notFound(String detail) {
        return of(404, ErrorCode.NOT_FOUND, "Not found", detail);
    }

    static Problem conflict(ErrorCode code, String detail) {
        return of(409, code, "Conflict", detail);
    }

    static Problem unauthorized(String detail, boolean tokenPresent) {
        String challenge = tokenPresent ? "Bearer error=\"invalid_token\"" : "Bearer";
        return of(401, tokenPresent ? ErrorCode.INVALID_TOKEN : ErrorCode.MISSING_TOKEN, "Unauthorized", detail)
                .withHeader("WWW-Authenticate", challenge);
    }

    /** A stream ticket ({@code ?ticket=}) that is expired, forged or not a ticket. */
    static Problem invalidTicket(String reason) {
        return of(401, ErrorCode.INVALID_TICKET, "Unauthorized", "The ticket is not valid: " + reason
                + ". Ask POST /api/v1/auth/ticket for a new one.")
                .withHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"");
    }

    /** A 503: every one says when to come back ({@code Retry-After}). */
    static Problem unavailable(ErrorCode code, String detail) {
        return of(503, code, "Service unavailable", detail).withHeader("Retry-After", Long.toString(RETRY_AFTER_SECONDS));
    }

    static Problem validation(List<FieldError> errors) {
        String detail = errors.isEmpty() ? "The request is not valid."
                : errors.get(0).field() + " " + errors.get(0).message();
        return new Problem(422, ErrorCode.VALIDATION_FAILED, "Validation failed", detail, errors, Map.of(), Map.of());
    }
}
