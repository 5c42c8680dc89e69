package io.confab.rest;

import io.confab.domain.ErrorCode;
import io.javalin.http.Context;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.Request;

/**
 * CORS for the listed origins (SPEC §13). Every response to a listed origin, whatever answered
 * it (a route, an error, an SSE stream, Jetty itself), gets {@code Access-Control-Allow-Origin}
 * and the exposed headers, added where the connector starts the response; a preflight is answered
 * 204 with the allowed methods and headers, or 403 without any CORS header for another origin.
 * Javalin's CorsPlugin is not used: it answers an unlisted origin's preflight with a 200, echoes
 * whatever headers a preflight asks for instead of a fixed list, and adds its headers from a
 * before-handler that WebSocket upgrades, {@code /mcp} and Jetty's own answers never pass through.
 */
final class Cors implements HttpConfiguration.Customizer {

    static final String ALLOWED_METHODS = "GET, POST, PATCH, DELETE, OPTIONS";
    static final String ALLOWED_HEADERS = "authorization, content-type, accept, last-event-id, idempotency-key, x-correlation-id";
    static final String EXPOSED_HEADERS = "X-Correlation-ID, Retry-After, Location";
    /** How long a browser may reuse a preflight's answer (Chromium caps it at two hours). */
    static final long MAX_AGE_SECONDS = 600;

    private final CorsOrigins origins;

    Cors(CorsOrigins origins) {
        this.origins = origins;
    }

    @Override
    public Request customize(Request request, HttpFields.Mutable responseHeaders) {
        String origin = request.getHeaders().get("Origin");
        if (origins.allows(origin)) {
            responseHeaders.put("Access-Control-Allow-Origin", origin);
            responseHeaders.add("Vary", "Origin");
            responseHeaders.put("Access-Control-Expose-Headers", EXPOSED_HEADERS);
        }
        return request;
    }

    /** A before-handler: answers a preflight ({@code OPTIONS} with {@code Access-Control-Request-Method}) itself. */
    void answerPreflight(Context ctx) {
        if (!ctx.method().name().equals("OPTIONS") || ctx.header("Access-Control-Request-Method") == null) {
            return;
        }
        if (origins.allows(ctx.header("Origin"))) {
            ctx.header("Access-Control-Allow-Methods", ALLOWED_METHODS);
            ctx.header("Access-Control-Allow-Headers", ALLOWED_HEADERS);
            ctx.header("Access-Control-Max-Age", Long.toString(MAX_AGE_SECONDS));
            ctx.status(204);
        } else {
            ErrorMapping.write(ctx, Problem.of(403, ErrorCode.ORIGIN_NOT_ALLOWED, "Forbidden",
                    "Cross-origin requests from this origin are not allowed (CONFAB_CORS_ORIGINS)."));
        }
        ctx.skipRemainingHandlers();
    }
}
