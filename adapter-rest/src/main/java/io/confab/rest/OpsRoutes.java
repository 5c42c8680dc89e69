package io.confab.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

/** Operations routes: liveness, readiness, Prometheus metrics and the OpenAPI document. */
final class OpsRoutes {

    static final String OPENAPI_RESOURCE = "/io/confab/rest/openapi.json";

    private final PrometheusMeterRegistry registry;
    private final Map<String, ReadinessCheck> checks;
    private final Map<String, ReadinessDetail> details;
    private final byte[] openApi;

    OpsRoutes(PrometheusMeterRegistry registry, Map<String, ReadinessCheck> checks, Map<String, ReadinessDetail> details) {
        this.registry = registry;
        this.checks = checks;
        this.details = details;
        this.openApi = openApiDocument();
    }

    void register(RoutesConfig routes) {
        routes.get("/health/live", ctx -> Json.answer(ctx, 200, Json.object().put("status", "up")));
        routes.get("/health/ready", this::ready);
        routes.get("/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8")
                .result(registry.scrape()));
        routes.get("/openapi.json", ctx -> ctx.contentType(Json.APPLICATION_JSON).result(openApi));
    }

    private void ready(Context ctx) {
        ObjectNode body = Json.object();
        ObjectNode results = body.putObject("checks");
        boolean up = true;
        for (Map.Entry<String, ReadinessCheck> check : checks.entrySet()) {
            ObjectNode result = results.putObject(check.getKey());
            try {
                check.getValue().check();
                result.put("status", "up");
            } catch (Exception e) {
                up = false;
                result.put("status", "down");
                result.put("detail", e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
            }
        }
        details.forEach((name, detail) -> results.set(name, describe(detail)));
        body.put("status", up ? "up" : "down");
        if (!up) {
            ctx.header("Retry-After", Long.toString(Problem.RETRY_AFTER_SECONDS));
        }
        Json.answer(ctx, up ? 200 : 503, body);
    }

    private static JsonNode describe(ReadinessDetail detail) {
        try {
            return Json.tree(detail.describe());
        } catch (RuntimeException e) {
            return Json.object().put("status", "unknown")
                    .put("detail", e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        }
    }

    static byte[] openApiDocument() {
        try (InputStream in = OpsRoutes.class.getResourceAsStream(OPENAPI_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + OPENAPI_RESOURCE);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
