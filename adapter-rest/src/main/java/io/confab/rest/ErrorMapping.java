package io.confab.rest;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.confab.domain.ErrorCode;
import io.confab.domain.ValidationException;
import io.confab.domain.port.StoreUnavailableException;
import io.confab.rest.chatkit.ChatKitRequestException;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.MethodNotAllowedResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Maps every exception to {@code application/problem+json}, once, for all routes: problems thrown
 * by handlers, validation (422), a store that is down (503), Javalin's own answers (404, 405, 413)
 * and bugs (500, logged here, never a stack trace in the answer).
 */
final class ErrorMapping {

    static final String PROBLEM_JSON = "application/problem+json";
    private static final Logger LOG = LoggerFactory.getLogger(ErrorMapping.class);

    private ErrorMapping() {
    }

    static void register(RoutesConfig routes) {
        routes.exception(ProblemException.class, (e, ctx) -> write(ctx, e.problem()));
        routes.exception(ChatKitRequestException.class, (e, ctx) -> write(ctx, e.status() == 404
                ? Problem.notFound(e.getMessage()) : Problem.badRequest(e.code(), e.getMessage())));
        routes.exception(ValidationException.class, (e, ctx) -> write(ctx, Problem.validation(e.errors())));
        routes.exception(StoreUnavailableException.class, (e, ctx) -> {
            LOG.warn("store unavailable: {}", e.getMessage());
            write(ctx, unavailable(e.store()));
        });
        routes.exception(HttpResponseException.class, (e, ctx) -> write(ctx, fromJavalin(e, ctx)));
        routes.exception(Exception.class, (e, ctx) -> {
            LOG.error("unexpected error on {} {}", ctx.method(), ctx.path(), e);
            write(ctx, Problem.of(500, ErrorCode.INTERNAL_ERROR, "Internal server error",
                    "Something went wrong on our side; the correlation id identifies it in the logs."));
        });
    }

    private static Problem fromJavalin(HttpResponseException e, Context ctx) {
        return switch (e.getStatus()) {
            case 404 -> Problem.of(404, ErrorCode.NOT_FOUND, "Not found",
                    "No route " + ctx.method() + " " + ctx.path() + ".");
            case 405 -> {
                Problem problem = Problem.of(405, ErrorCode.METHOD_NOT_ALLOWED, "Method not allowed",
                        ctx.method() + " is not allowed on " + ctx.path() + ".");
                String allowed = e instanceof MethodNotAllowedResponse ? e.getDetails().get("availableMethods") : null;
                yield allowed == null ? problem : problem.withHeader("Allow", allowed);
            }
            case 413 -> tooLarge();
            default -> Problem.of(e.getStatus(), ErrorCode.HTTP_ERROR, e.getMessage(), e.getMessage());
        };
    }

    private static Problem unavailable(StoreUnavailableException.Store store) {
        return switch (store) {
            case DATABASE -> Problem.unavailable(ErrorCode.STORE_UNAVAILABLE, "The database is unavailable; try again shortly.");
            case EVENT_LOG -> Problem.unavailable(ErrorCode.EVENT_LOG_UNAVAILABLE,
                    "Live updates are unavailable (the event log cannot be reached); try again shortly.");
        };
    }

    static Problem tooLarge() {
        return Problem.of(413, ErrorCode.PAYLOAD_TOO_LARGE, "Payload too large", "The request body is over the size limit.");
    }

    static void write(Context ctx, Problem problem) {
        problem.headers().forEach(ctx::header);
        ctx.status(problem.status()).contentType(PROBLEM_JSON).result(Json.bytes(body(problem, Correlation.id(ctx))));
    }

    /** The problem+json document of {@code problem}. */
    static ObjectNode body(Problem problem, String correlationId) {
        ObjectNode body = Json.object();
        body.put("type", "urn:confab:problem:" + problem.code().wireName());
        body.put("title", problem.title());
        body.put("status", problem.status());
        body.put("detail", problem.detail());
        body.put("code", problem.code().wireName());
        body.put("correlation_id", correlationId);
        problem.members().forEach(body::put);
        if (!problem.errors().isEmpty()) {
            ArrayNode errors = body.putArray("errors");
            problem.errors().forEach(error -> errors.addObject()
                    .put("field", error.field())
                    .put("message", error.message()));
        }
        return body;
    }
}
