package io.confab.application.turn;

import io.confab.application.usecase.TurnFailure;
import io.confab.application.usecase.TurnOutcome;
import io.confab.domain.Message;
import io.confab.domain.MessageStatus;
import io.confab.domain.TurnId;
import io.confab.domain.event.TurnEvent;
import io.confab.domain.json.JsonValue;
import java.util.List;

/**
 * Reads a finished turn back from the store (for a repeated client_message_id, or a follower whose
 * turn is no longer in the event log). A failed
 * assistant message keeps why it failed in its metadata, so a retry answers the same way.
 */
final class StoredTurns {

    static final String ERROR_CODE = "error_code";
    static final String ERROR = "error";

    private StoredTurns() {
    }

    static JsonValue.Obj failureMetadata(TurnFailure failure, String detail) {
        return JsonValue.object(ERROR_CODE, JsonValue.of(failure.code()), ERROR, JsonValue.of(detail));
    }

    static TurnOutcome.Finished outcome(Message userMessage, Message reply) {
        return switch (reply.status()) {
            case COMPLETE, STREAMING -> new TurnOutcome.Completed(userMessage, reply);
            case INTERRUPTED -> new TurnOutcome.Cancelled(userMessage, reply);
            case FAILED -> new TurnOutcome.Failed(userMessage, reply, failureOf(reply), detailOf(reply));
        };
    }

    /** True for the reply stored for a turn whose instance died: the same message may be sent again. */
    static boolean wasLost(Message reply) {
        return reply.status() == MessageStatus.FAILED && failureOf(reply) == TurnFailure.INSTANCE_LOST;
    }

    /** The events a client would have seen, condensed: message_created, then the terminal event. */
    static List<TurnEvent> condensedEvents(TurnOutcome.Finished finished) {
        Message user = finished.userMessage();
        TurnId turn = new TurnId(finished.assistantMessage().id().value());
        TurnEvent created = new TurnEvent.MessageCreated(turn, user.conversationId(), 1, user.createdAt(), user);
        return List.of(created, terminalEvent(finished.assistantMessage(), 2));
    }

    /** The event that ended the turn whose stored reply this is, numbered {@code seq}. */
    static TurnEvent terminalEvent(Message reply, long seq) {
        TurnId turn = new TurnId(reply.id().value());
        return switch (reply.status()) {
            case COMPLETE, STREAMING ->
                    new TurnEvent.Completed(turn, reply.conversationId(), seq, reply.createdAt(), reply, reply.usage());
            case INTERRUPTED -> new TurnEvent.Cancelled(turn, reply.conversationId(), seq, reply.createdAt(), reply);
            case FAILED -> new TurnEvent.Failed(turn, reply.conversationId(), seq, reply.createdAt(),
                    failureOf(reply).code(), detailOf(reply));
        };
    }

    private static String detailOf(Message reply) {
        return reply.metadata().string(ERROR).orElse("The reply failed.");
    }

    private static TurnFailure failureOf(Message reply) {
        String code = reply.metadata().string(ERROR_CODE).orElse(null);
        for (TurnFailure failure : TurnFailure.values()) {
            if (failure.code().equals(code)) {
                return failure;
            }
        }
        return TurnFailure.INTERNAL;
    }
}
