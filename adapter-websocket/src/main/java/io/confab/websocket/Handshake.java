package io.confab.websocket;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.confab.domain.UserId;
import io.confab.domain.port.TokenVerifier;
import io.confab.domain.port.TokenVerifier.Verification;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.Instant;

/**
 * Authenticates the upgrade request before any socket exists: a stream ticket from
 * {@code ?ticket=}, or the token from {@code ?token=} (browsers cannot set headers) or
 * {@code Authorization: Bearer}. A missing, bad or expired credential is answered 401, a path user
 * other than the credential's 403; both as problem+json.
 */
final class Handshake {

    static final String USER = "confab.ws.user";
    static final String EXPIRES_AT = "confab.ws.expires_at";
    private static final String BEARER = "Bearer ";
    private static final String TICKET = "ticket";

    private final TokenVerifier verifier;
    private final TokenVerifier tickets;
    private final Clock clock;

    Handshake(TokenVerifier verifier, TokenVerifier tickets, Clock clock) {
        this.verifier = verifier;
        this.tickets = tickets;
        this.clock = clock;
    }

    void check(Context ctx) {
        String ticket = ctx.queryParam(TICKET);
        String token = token(ctx);
        if (token == null && ticket == null) {
            reject(ctx, 401, "unauthorized", "a bearer token is required (?token=, ?ticket= or Authorization: Bearer)");
            return;
        }
        Verification verification = token != null ? verifier.verify(token) : tickets.verify(ticket);
        if (!(verification instanceof Verification.Valid valid) || !valid.expiresAt().isAfter(clock.instant())) {
            reject(ctx, 401, "unauthorized", "the token is invalid or expired");
            return;
        }
        String pathUser = ctx.pathParamMap().get("user_id");
        if (pathUser != null && !pathUser.equals(valid.user().value())) {
            reject(ctx, 403, "forbidden", "the path user does not match the token");
            return;
        }
        ctx.attribute(USER, valid.user());
        ctx.attribute(EXPIRES_AT, valid.expiresAt());
    }

    static UserId user(io.javalin.websocket.WsContext ctx) {
        return ctx.attribute(USER);
    }

    static Instant expiresAt(io.javalin.websocket.WsContext ctx) {
        return ctx.attribute(EXPIRES_AT);
    }

    private static String token(Context ctx) {
        String query = ctx.queryParam("token");
        if (query != null && !query.isBlank()) {
            return query;
        }
        String header = ctx.header("Authorization");
        if (header != null && header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            String value = header.substring(BEARER.length()).strip();
            return value.isEmpty() ? null : value;
        }
        return null;
    }

    private static void reject(Context ctx, int status, String code, String detail) {
        ObjectNode problem = JsonNodeFactory.instance.objectNode();
        problem.put("type", "about:blank");
        problem.put("title", status == 401 ? "Unauthorized" : "Forbidden");
        problem.put("status", status);
        problem.put("detail", detail);
        problem.put("code", code);
        if (status == 401) {
            ctx.header("WWW-Authenticate", "Bearer");
        }
        ctx.status(status).contentType("application/problem+json").result(problem.toString());
        ctx.skipRemainingHandlers();
    }
}
