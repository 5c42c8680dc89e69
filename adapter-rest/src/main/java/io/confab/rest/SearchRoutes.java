package io.confab.rest;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.confab.application.usecase.SearchUseCase;
import io.confab.application.usecase.SearchUseCase.Search;
import io.confab.domain.ErrorCode;
import io.confab.json.ResourceJson;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

/** Full-text search of the caller's messages and conversation titles. */
final class SearchRoutes {

    static final String SEARCH = "/api/v1/chat/search";

    private final RestUseCases useCases;

    SearchRoutes(RestUseCases useCases) {
        this.useCases = useCases;
    }

    void register(RoutesConfig routes) {
        routes.get(SEARCH, this::search);
    }

    /** A missing {@code q} or a limit that is no integer is a 400; an empty or over-long q, a limit out of range a 422. */
    private void search(Context ctx) {
        String text = Params.query(ctx, "q")
                .orElseThrow(() -> Problem.badRequest(ErrorCode.BAD_PARAMETER, "q is required.").toException());
        Search search = new Search(Authentication.user(ctx), text, Params.intQuery(ctx, "limit", SearchUseCase.DEFAULT_LIMIT));
        ObjectNode body = Json.object();
        ArrayNode items = body.putArray("items");
        useCases.search().search(search).forEach(hit -> items.add(ResourceJson.searchHit(hit)));
        Json.answer(ctx, 200, body);
    }
}
