package io.confab.rest;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

/** {@code POST /api/v1/auth/ticket}: a stream ticket for the bearer token's user (SPEC §13). */
final class TicketRoutes {

    static final String PATH = "/api/v1/auth/ticket";

    private final StreamTickets tickets;

    TicketRoutes(StreamTickets tickets) {
        this.tickets = tickets;
    }

    void register(RoutesConfig routes) {
        routes.post(PATH, this::issue);
    }

    private void issue(Context ctx) {
        StreamTickets.Ticket ticket = tickets.issue(Authentication.user(ctx), Authentication.expiresAt(ctx));
        ctx.header("Cache-Control", "no-store");
        Json.answer(ctx, 201, Json.object()
                .put("ticket", ticket.value())
                .put("expires_in", ticket.expiresIn().toSeconds()));
    }
}
