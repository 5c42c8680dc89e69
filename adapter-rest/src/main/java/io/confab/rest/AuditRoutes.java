package io.confab.rest;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.confab.application.usecase.ListToolCallsUseCase;
import io.confab.domain.audit.AuditedToolCallPage;
import io.confab.json.ResourceJson;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

/** The caller's own tool-call audit (SPEC §17), newest first, in keyset pages like a conversation's history. */
final class AuditRoutes {

    static final String TOOL_CALLS = "/api/v1/audit/tool-calls";

    private final RestUseCases useCases;

    AuditRoutes(RestUseCases useCases) {
        this.useCases = useCases;
    }

    void register(RoutesConfig routes) {
        routes.get(TOOL_CALLS, this::list);
    }

    /** A limit that is no integer or a malformed {@code before} is a 400; a limit out of range a 422 (as for messages). */
    private void list(Context ctx) {
        int limit = ListToolCallsUseCase.checkLimit(Params.intQuery(ctx, "limit", ListToolCallsUseCase.DEFAULT_LIMIT));
        AuditedToolCallPage page = useCases.listToolCalls()
                .list(Authentication.user(ctx), Params.toolCallIdQuery(ctx, "before"), limit);
        ObjectNode body = Json.object();
        ArrayNode items = body.putArray("items");
        page.items().forEach(call -> items.add(ResourceJson.auditedToolCall(call)));
        body.put("has_more", page.hasMore());
        Json.answer(ctx, 200, body);
    }
}
