package io.confab.rest;

import io.confab.domain.UserId;
import io.confab.domain.port.TokenVerifier;
import io.confab.domain.port.TokenVerifier.Verification;
import io.javalin.http.Context;
import java.util.Set;

/** Authenticates {@code /api} requests by their bearer token; the user goes into the context. */
final class Authentication {

    private static final String USER = "confab.user";
    private static final String BEARER = "Bearer ";

    private final TokenVerifier verifier;
    private final Set<String> publicPaths;

    Authentication(TokenVerifier verifier, Set<String> publicPaths) {
        this.verifier = verifier;
        this.publicPaths = Set.copyOf(publicPaths);
    }

    void authenticate(Context ctx) {
        if (publicPaths.contains(ctx.path())) {
            return;
        }
        String header = ctx.header("Authorization");
        if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())
                || header.substring(BEARER.length()).isBlank()) {
            throw Problem.unauthorized("A bearer token is required.", false).toException();
        }
        switch (verifier.verify(header.substring(BEARER.length()).strip())) {
            case Verification.Valid valid -> ctx.attribute(USER, valid.user());
            case Verification.Invalid invalid ->
                    throw Problem.unauthorized("The token is not valid: " + invalid.reason() + ".", true).toException();
        }
    }

    static UserId user(Context ctx) {
        UserId user = ctx.attribute(USER);
        if (user == null) {
            throw new IllegalStateException("route " + ctx.path() + " is not behind authentication");
        }
        return user;
    }
}
