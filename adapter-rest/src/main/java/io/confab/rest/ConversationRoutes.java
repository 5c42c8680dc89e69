package io.confab.rest;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.confab.application.usecase.CreateConversationUseCase.Creation;
import io.confab.application.usecase.CreateConversationUseCase.NewConversation;
import io.confab.application.usecase.UpdateConversationUseCase.ConversationChanges;
import io.confab.domain.Conversation;
import io.confab.domain.ConversationId;
import io.confab.domain.ConversationStatus;
import io.confab.domain.ExternalId;
import io.confab.domain.ListedConversation;
import io.confab.domain.Page;
import io.confab.domain.UserId;
import io.confab.domain.port.ConversationQuery;
import io.confab.json.ResourceJson;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Map;
import java.util.Optional;

/** Conversation resources: list, create, read, rename, update, delete. */
final class ConversationRoutes {

    static final String COLLECTION = "/api/v1/chat/conversations";
    static final String ONE = COLLECTION + "/{id}";

    private final RestUseCases useCases;

    ConversationRoutes(RestUseCases useCases) {
        this.useCases = useCases;
    }

    void register(RoutesConfig routes) {
        routes.get(COLLECTION, this::list);
        routes.post(COLLECTION, this::create);
        routes.get(ONE, this::get);
        routes.patch(ONE + "/title", this::rename);
        routes.patch(ONE, this::update);
        routes.delete(ONE, this::delete);
    }

    private void list(Context ctx) {
        ConversationQuery query = new ConversationQuery(
                Params.intQuery(ctx, "offset", 0),
                Params.intQuery(ctx, "limit", ConversationQuery.DEFAULT_LIMIT),
                Params.query(ctx, "status").map(ConversationStatus::fromWire),
                Params.query(ctx, "q"));
        Page<ListedConversation> page = useCases.listConversations().list(Authentication.user(ctx), query);
        ObjectNode body = Json.object();
        ArrayNode items = body.putArray("items");
        page.items().forEach(item -> items.add(ResourceJson.conversation(item.conversation())
                .set("last_message", item.lastMessage().map(ResourceJson::messagePreview).orElse(null))));
        body.put("total", page.total());
        body.put("offset", page.offset());
        body.put("limit", page.limit());
        Json.answer(ctx, 200, body);
    }

    /** 201 for a new conversation; 200 with the caller's existing one when its external_id is taken. */
    private void create(Context ctx) {
        Body body = Json.body(ctx);
        NewConversation request = new NewConversation(body.string("title").orElse(""),
                body.stringMap("metadata").orElse(Map.of()), body.string("external_id").map(ExternalId::new));
        switch (useCases.createConversation().create(Authentication.user(ctx), request)) {
            case Creation.Created(Conversation created) -> {
                ctx.header("Location", COLLECTION + "/" + created.id());
                Json.answer(ctx, 201, ResourceJson.conversation(created));
            }
            case Creation.Existing(Conversation existing) -> Json.answer(ctx, 200, ResourceJson.conversation(existing));
        }
    }

    private void get(Context ctx) {
        ConversationId id = Params.conversationId(ctx);
        answer(ctx, id, useCases.getConversation().get(Authentication.user(ctx), id));
    }

    private void rename(Context ctx) {
        ConversationId id = Params.conversationId(ctx);
        String title = Json.body(ctx).requiredString("title");
        change(ctx, id, ConversationChanges.rename(title));
    }

    private void update(Context ctx) {
        ConversationId id = Params.conversationId(ctx);
        Body body = Json.body(ctx);
        change(ctx, id, new ConversationChanges(
                body.string("title"),
                body.string("status").map(ConversationStatus::fromWire),
                body.stringMap("metadata"),
                body.clearableString("system_prompt"),
                body.clearableString("model"),
                body.clearableInteger("retention_days")));
    }

    private void change(Context ctx, ConversationId id, ConversationChanges changes) {
        UserId user = Authentication.user(ctx);
        answer(ctx, id, useCases.updateConversation().update(user, id, changes));
    }

    private void delete(Context ctx) {
        ConversationId id = Params.conversationId(ctx);
        if (!useCases.deleteConversation().delete(Authentication.user(ctx), id)) {
            throw notFound(id).toException();
        }
        ctx.status(204);
    }

    private static void answer(Context ctx, ConversationId id, Optional<Conversation> conversation) {
        Json.answer(ctx, 200, ResourceJson.conversation(conversation.orElseThrow(() -> notFound(id).toException())));
    }

    static Problem notFound(ConversationId id) {
        return Problem.notFound("No conversation " + id + ".");
    }
}
