package io.confab.rest;

import io.confab.application.usecase.ExportConversationUseCase.Export;
import io.confab.domain.Conversation;
import io.confab.domain.ConversationId;
import io.confab.domain.ErrorCode;
import io.confab.json.ResourceJson;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;

/** A user's data in and out (SPEC §16): export and import of a conversation, and erasing everything of the caller. */
final class PortabilityRoutes {

    static final String EXPORT = ConversationRoutes.ONE + "/export";
    static final String IMPORT = ConversationRoutes.COLLECTION + "/import";
    static final String ME = "/api/v1/me";
    static final String MARKDOWN = "text/markdown; charset=utf-8";

    private final RestUseCases useCases;

    PortabilityRoutes(RestUseCases useCases) {
        this.useCases = useCases;
    }

    void register(RoutesConfig routes) {
        routes.get(EXPORT, this::export);
        routes.post(IMPORT, this::importConversation);
        routes.delete(ME, this::erase);
    }

    /** {@code GET …/{id}/export?format=json|markdown} (json by default): an attachment. */
    private void export(Context ctx) {
        ConversationId id = Params.conversationId(ctx);
        String format = Params.query(ctx, "format").orElse("json");
        if (!format.equals("json") && !format.equals("markdown")) {
            throw Problem.badRequest(ErrorCode.BAD_PARAMETER, "format must be json or markdown.").toException();
        }
        Export export = useCases.exportConversation().export(Authentication.user(ctx), id)
                .orElseThrow(() -> ConversationRoutes.notFound(id).toException());
        if (format.equals("json")) {
            attachment(ctx, "conversation-" + id + ".json");
            Json.answer(ctx, 200, ExportJson.write(export));
        } else {
            attachment(ctx, "conversation-" + id + ".md");
            ctx.status(200).contentType(MARKDOWN).result(MarkdownTranscript.write(export).getBytes(StandardCharsets.UTF_8));
        }
    }

    /** {@code POST …/import} with a JSON export: 201 the new conversation, {@code Location}. */
    private void importConversation(Context ctx) {
        Conversation imported = useCases.importConversation()
                .importConversation(Authentication.user(ctx), ExportJson.read(Json.body(ctx)));
        ctx.header("Location", ConversationRoutes.COLLECTION + "/" + imported.id());
        Json.answer(ctx, 201, ResourceJson.conversation(imported));
    }

    /** {@code DELETE /api/v1/me}: 204, every time. */
    private void erase(Context ctx) {
        useCases.eraseAccount().erase(Authentication.user(ctx));
        ctx.status(204);
    }

    private static void attachment(Context ctx, String filename) {
        ctx.header("Content-Disposition", "attachment; filename=\"" + filename + "\"");
    }
}
