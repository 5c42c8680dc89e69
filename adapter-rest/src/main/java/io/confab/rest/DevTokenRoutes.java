package io.confab.rest;

import io.confab.domain.UserId;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Optional;

/** {@code POST /api/v1/auth/dev-token}: development sign-in, a 404 when a JWT key is configured. */
final class DevTokenRoutes {

    static final String PATH = "/api/v1/auth/dev-token";

    private final Optional<DevTokens> devTokens;

    DevTokenRoutes(Optional<DevTokens> devTokens) {
        this.devTokens = devTokens;
    }

    void register(RoutesConfig routes) {
        routes.post(PATH, this::mint);
    }

    private void mint(Context ctx) {
        DevTokens tokens = devTokens.orElseThrow(() -> Problem.notFound(
                "Development sign-in is disabled because a JWT key is configured.").toException());
        UserId user = new UserId(Json.body(ctx).requiredString("user_id"));
        Json.answer(ctx, 200, Json.object()
                .put("access_token", tokens.mint(user))
                .put("token_type", "Bearer")
                .put("expires_in", DevTokens.LIFETIME.toSeconds()));
    }
}
