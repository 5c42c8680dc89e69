package io.confab.application.turn;

import io.confab.application.usecase.TurnFailure;
import io.confab.application.usecase.TurnOutcome;
import io.confab.domain.Message;
import io.confab.domain.TurnId;
import io.confab.domain.event.TurnEvent;
import java.util.List;
import java.util.Map;

/**
 * Reads a finished turn back from the store (for a repeated client_message_id). A failed
 * assistant message keeps why it failed in its metadata, so a retry answers the same way.
 */
final class StoredTurns {

    static final String ERROR_CODE = "error_code";
    static final String ERROR = "error";

    private StoredTurns() {
    }

    static Map<String, String> failureMetadata(TurnFailure failure, String detail) {
        return Map.of(ERROR_CODE, failure.code(), ERROR, detail);
    }

    static TurnOutcome.Finished outcome(Message userMessage, Message reply) {
        return switch (reply.status()) {
            case COMPLETE, STREAMING -> new TurnOutcome.Completed(userMessage, reply);
            case INTERRUPTED -> new TurnOutcome.Cancelled(userMessage, reply);
            case FAILED -> new TurnOutcome.Failed(userMessage, reply, failureOf(reply),
                    reply.metadata().getOrDefault(ERROR, "The reply failed."));
        };
    }

    /** The events a client would have seen, condensed: message_created, then the terminal event. */
    static List<TurnEvent> condensedEvents(TurnOutcome.Finished finished) {
        Message user = finished.userMessage();
        Message reply = finished.assistantMessage();
        TurnId turn = new TurnId(reply.id().value());
        TurnEvent created = new TurnEvent.MessageCreated(turn, user.conversationId(), 1, user.createdAt(), user);
        TurnEvent last = switch (finished) {
            case TurnOutcome.Completed completed ->
                    new TurnEvent.Completed(turn, reply.conversationId(), 2, reply.createdAt(), reply, reply.usage());
            case TurnOutcome.Cancelled cancelled ->
                    new TurnEvent.Cancelled(turn, reply.conversationId(), 2, reply.createdAt(), reply);
            case TurnOutcome.Failed failed ->
                    new TurnEvent.Failed(turn, reply.conversationId(), 2, reply.createdAt(), failed.failure().code(),
                            failed.detail());
        };
        return List.of(created, last);
    }

    private static TurnFailure failureOf(Message reply) {
        String code = reply.metadata().get(ERROR_CODE);
        for (TurnFailure failure : TurnFailure.values()) {
            if (failure.code().equals(code)) {
                return failure;
            }
        }
        return TurnFailure.INTERNAL;
    }
}
