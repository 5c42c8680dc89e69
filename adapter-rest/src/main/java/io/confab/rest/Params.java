package io.confab.rest;

import io.confab.domain.ConversationId;
import io.confab.domain.ErrorCode;
import io.confab.domain.MessageId;
import io.confab.domain.audit.AuditedToolCallId;
import io.javalin.http.Context;
import java.util.Optional;
import java.util.UUID;

/** Path and query parameters: a malformed id in the path is a 404, a malformed query value a 400. */
final class Params {

    private Params() {
    }

    static ConversationId conversationId(Context ctx) {
        return new ConversationId(pathUuid(ctx, "id", "conversation"));
    }

    static MessageId messageId(Context ctx) {
        return new MessageId(pathUuid(ctx, "message_id", "message"));
    }

    private static UUID pathUuid(Context ctx, String name, String what) {
        String text = ctx.pathParam(name);
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            throw Problem.notFound("No " + what + " " + text + ".").toException();
        }
    }

    static Optional<String> query(Context ctx, String name) {
        return Optional.ofNullable(ctx.queryParam(name)).filter(value -> !value.isEmpty());
    }

    static int intQuery(Context ctx, String name, int defaultValue) {
        Optional<String> text = query(ctx, name);
        if (text.isEmpty()) {
            return defaultValue;
        }
        try {
            return Integer.parseInt(text.get());
        } catch (NumberFormatException e) {
            throw Problem.badRequest(ErrorCode.BAD_PARAMETER, name + " must be an integer.").toException();
        }
    }

    static Optional<MessageId> messageIdQuery(Context ctx, String name) {
        return uuidQuery(ctx, name, "a message id").map(MessageId::new);
    }

    static Optional<AuditedToolCallId> toolCallIdQuery(Context ctx, String name) {
        return uuidQuery(ctx, name, "a tool call id").map(AuditedToolCallId::new);
    }

    private static Optional<UUID> uuidQuery(Context ctx, String name, String what) {
        return query(ctx, name).map(text -> {
            try {
                return UUID.fromString(text);
            } catch (IllegalArgumentException e) {
                throw Problem.badRequest(ErrorCode.BAD_PARAMETER, name + " must be " + what + ".").toException();
            }
        });
    }
}
