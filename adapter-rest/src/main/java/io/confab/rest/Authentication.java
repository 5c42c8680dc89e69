package io.confab.rest;

import io.confab.domain.UserId;
import io.confab.domain.port.TokenVerifier;
import io.confab.domain.port.TokenVerifier.Verification;
import io.javalin.http.Context;
import java.time.Instant;
import java.util.Set;

/**
 * Authenticates {@code /api} requests by their bearer token, or, on a {@code GET} under
 * {@code /api/v1/} that has no {@code Authorization} header, by a stream ticket in
 * {@code ?ticket=} (what an {@code EventSource} can send); the user goes into the context.
 */
final class Authentication {

    static final String TICKET_PARAMETER = "ticket";
    private static final String TICKET_PATHS = "/api/v1/";
    private static final String USER = "confab.user";
    private static final String EXPIRES_AT = "confab.credential_expires_at";
    private static final String BEARER = "Bearer ";

    private final TokenVerifier verifier;
    private final TokenVerifier tickets;
    private final Set<String> publicPaths;

    Authentication(TokenVerifier verifier, TokenVerifier tickets, Set<String> publicPaths) {
        this.verifier = verifier;
        this.tickets = tickets;
        this.publicPaths = Set.copyOf(publicPaths);
    }

    void authenticate(Context ctx) {
        if (publicPaths.contains(ctx.path())) {
            return;
        }
        String header = ctx.header("Authorization");
        String ticket = ctx.queryParam(TICKET_PARAMETER);
        if (header == null && ticket != null) {
            byTicket(ctx, ticket);
            return;
        }
        if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())
                || header.substring(BEARER.length()).isBlank()) {
            throw Problem.unauthorized("A bearer token is required.", false).toException();
        }
        switch (verifier.verify(header.substring(BEARER.length()).strip())) {
            case Verification.Valid valid -> accept(ctx, valid);
            case Verification.Invalid invalid ->
                    throw Problem.unauthorized("The token is not valid: " + invalid.reason() + ".", true).toException();
        }
    }

    private void byTicket(Context ctx, String ticket) {
        if (!ctx.method().name().equals("GET") || !ctx.path().startsWith(TICKET_PATHS)) {
            throw Problem.unauthorized("A ticket is accepted on GET requests only; send a bearer token.", false)
                    .toException();
        }
        switch (tickets.verify(ticket)) {
            case Verification.Valid valid -> accept(ctx, valid);
            case Verification.Invalid invalid -> throw Problem.invalidTicket(invalid.reason()).toException();
        }
    }

    private static void accept(Context ctx, Verification.Valid valid) {
        ctx.attribute(USER, valid.user());
        ctx.attribute(EXPIRES_AT, valid.expiresAt());
    }

    static UserId user(Context ctx) {
        UserId user = ctx.attribute(USER);
        if (user == null) {
            throw new IllegalStateException("route " + ctx.path() + " is not behind authentication");
        }
        return user;
    }

    /** When the credential of the request expires. */
    static Instant expiresAt(Context ctx) {
        Instant expiresAt = ctx.attribute(EXPIRES_AT);
        if (expiresAt == null) {
            throw new IllegalStateException("route " + ctx.path() + " is not behind authentication");
        }
        return expiresAt;
    }
}
