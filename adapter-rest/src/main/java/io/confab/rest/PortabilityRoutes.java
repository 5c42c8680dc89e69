package io.confab.rest;

import com.fasterxml.jackson.core.JsonGenerator;
import io.confab.application.usecase.ExportConversationUseCase.Export;
import io.confab.domain.Conversation;
import io.confab.domain.ConversationId;
import io.confab.domain.ErrorCode;
import io.confab.domain.UserId;
import io.confab.json.ResourceJson;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/**
 * A user's data in and out (SPEC §16): export of a conversation or of all of them, import of a
 * conversation, and erasing everything of the caller.
 */
final class PortabilityRoutes {

    static final String EXPORT = ConversationRoutes.ONE + "/export";
    static final String IMPORT = ConversationRoutes.COLLECTION + "/import";
    static final String ME = "/api/v1/me";
    static final String EXPORT_ME = ME + "/export";
    /** The account export: {@code {"format":"confab.export.v1","conversations":[conversation export…]}}. */
    static final String ACCOUNT_FORMAT = "confab.export.v1";
    static final String MARKDOWN = "text/markdown; charset=utf-8";
    /** After each transcript of the account export in Markdown. */
    private static final String RULE = "\n---\n\n";

    private final RestUseCases useCases;

    PortabilityRoutes(RestUseCases useCases) {
        this.useCases = useCases;
    }

    void register(RoutesConfig routes) {
        routes.get(EXPORT, this::export);
        routes.post(IMPORT, this::importConversation);
        routes.get(EXPORT_ME, this::exportAll);
        routes.delete(ME, this::erase);
    }

    /** {@code GET …/{id}/export?format=json|markdown} (json by default): an attachment. */
    private void export(Context ctx) {
        ConversationId id = Params.conversationId(ctx);
        boolean json = jsonFormat(ctx);
        Export export = useCases.exportConversation().export(Authentication.user(ctx), id)
                .orElseThrow(() -> ConversationRoutes.notFound(id).toException());
        if (json) {
            Attachment.send(ctx, Json.APPLICATION_JSON, "conversation-" + id + ".json", out -> {
                JsonGenerator generator = Json.generator(out);
                ExportJson.write(generator, export.conversation(), export.messages());
                generator.close();
            });
        } else {
            Attachment.send(ctx, MARKDOWN, "conversation-" + id + ".md", out -> {
                Writer text = text(out);
                MarkdownTranscript.write(text, export.conversation(), export.messages().size(), export.messages());
                text.flush();
            });
        }
    }

    /**
     * {@code GET /api/v1/me/export?format=json|markdown}: every live conversation of the caller, each
     * written as the store hands it over; JSON holds each in the one-conversation export's shape.
     */
    private void exportAll(Context ctx) {
        UserId owner = Authentication.user(ctx);
        if (jsonFormat(ctx)) {
            Attachment.send(ctx, Json.APPLICATION_JSON, "confab-export.json", out -> {
                JsonGenerator generator = Json.generator(out);
                generator.writeStartObject();
                generator.writeStringField("format", ACCOUNT_FORMAT);
                generator.writeArrayFieldStart("conversations");
                useCases.exportConversation().exportAll(owner, (conversation, messages) ->
                        unchecked(() -> ExportJson.write(generator, conversation, messages)));
                generator.writeEndArray();
                generator.writeEndObject();
                generator.close();
            });
        } else {
            Attachment.send(ctx, MARKDOWN, "confab-export.md", out -> {
                Writer text = text(out);
                useCases.exportConversation().exportAll(owner, (conversation, messages) -> unchecked(() -> {
                    MarkdownTranscript.write(text, conversation, messages.count(), messages);
                    text.append(RULE);
                }));
                text.flush();
            });
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

    /** {@code ?format=json|markdown}: whether it is json (the default); 400 for anything else. */
    private static boolean jsonFormat(Context ctx) {
        String format = Params.query(ctx, "format").orElse("json");
        if (!format.equals("json") && !format.equals("markdown")) {
            throw Problem.badRequest(ErrorCode.BAD_PARAMETER, "format must be json or markdown.").toException();
        }
        return format.equals("json");
    }

    /** Text over the response's stream; flushed when done, never closed (the server ends the response). */
    private static Writer text(OutputStream out) {
        return new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
    }

    /** Runs a write inside a visitor, which cannot throw {@link IOException}. */
    private static void unchecked(Write write) {
        try {
            write.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A write that may fail. */
    @FunctionalInterface
    private interface Write {
        void run() throws IOException;
    }
}
