package io.confab.rest;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.confab.application.usecase.TurnFailure;
import io.confab.application.usecase.TurnOutcome;
import io.confab.application.usecase.TurnStart;
import io.confab.domain.ConversationId;
import io.confab.domain.ErrorCode;
import io.confab.domain.Message;
import io.confab.domain.TurnId;
import io.confab.json.JsonValues;
import io.confab.json.ResourceJson;
import java.time.Duration;
import java.util.Optional;

/** Maps how a turn ended (or why it never started) to HTTP, in one place for every turn route. */
final class TurnAnswers {

    private TurnAnswers() {
    }

    /** The body of {@code POST …/messages}: both stored messages and the turn's tool calls. */
    static ObjectNode turn(ConversationId conversation, TurnOutcome.Finished finished) {
        ObjectNode body = Json.object();
        body.put("conversation_id", conversation.toString());
        body.set("user_message", ResourceJson.message(finished.userMessage()));
        body.set("assistant_message", ResourceJson.message(finished.assistantMessage()));
        ArrayNode calls = body.putArray("tool_calls");
        finished.assistantMessage().toolCalls().forEach(call -> calls.add(ResourceJson.toolCall(call)));
        return body;
    }

    /** The body of the one-shot {@code POST /api/{user_id}/chat}. */
    static ObjectNode oneShot(TurnOutcome.Finished finished) {
        Message reply = finished.assistantMessage();
        ObjectNode body = Json.object();
        body.put("conversation_id", reply.conversationId().toString());
        body.put("message_id", reply.id().toString());
        body.put("role", reply.role().wireName());
        body.put("content", reply.content());
        body.put("response", reply.content());
        ArrayNode calls = body.putArray("tool_calls");
        reply.toolCalls().forEach(call -> calls.addObject()
                .put("tool", call.tool())
                .<ObjectNode>set("parameters", JsonValues.toNode(call.arguments()))
                .set("result", JsonValues.toNode(call.result())));
        body.put("created_at", reply.createdAt().toString());
        return body;
    }

    /** Why a streamed turn did not start ({@code notFound} for a missing conversation); empty when it started. */
    static Optional<Problem> notStarted(TurnStart start, Problem notFound) {
        return Optional.ofNullable(switch (start) {
            case TurnStart.Started ignored -> null;
            case TurnStart.NotFound ignored -> notFound;
            case TurnStart.RateLimited limited -> rateLimited(limited.retryAfter());
            case TurnStart.InProgress running -> turnInProgress(running.turn());
        });
    }

    /** The problem for every outcome that is not a finished, successful turn; empty for those. */
    private static Optional<Problem> problem(TurnOutcome outcome) {
        return Optional.ofNullable(switch (outcome) {
            case TurnOutcome.Completed ignored -> null;
            case TurnOutcome.Cancelled ignored -> null;
            case TurnOutcome.Failed failed -> failure(failed.failure(), failed.detail());
            case TurnOutcome.NotFound ignored -> Problem.notFound("No such conversation.");
            case TurnOutcome.RateLimited limited -> rateLimited(limited.retryAfter());
            case TurnOutcome.InProgress inProgress -> turnInProgress(inProgress.turn());
        });
    }

    /** The finished, successful turn of {@code outcome}; any other outcome is thrown as its problem. */
    static TurnOutcome.Finished finished(TurnOutcome outcome) {
        problem(outcome).ifPresent(problem -> {
            throw problem.toException();
        });
        return (TurnOutcome.Finished) outcome;
    }

    /** 409 while another turn runs in the conversation (SPEC §12); the body names the running turn. */
    static Problem turnInProgress(TurnId running) {
        return Problem.conflict(TurnOutcome.InProgress.CODE,
                        "A reply is still being written in this conversation; send again when it has finished.")
                .withMember("turn_id", running.toString());
    }

    static Problem rateLimited(Duration retryAfter) {
        long seconds = Math.max(1, (retryAfter.toMillis() + 999) / 1000);
        return Problem.of(429, ErrorCode.RATE_LIMITED, "Too many requests",
                        "Too many turns; try again in " + seconds + " s.")
                .withHeader("Retry-After", Long.toString(seconds));
    }

    static Problem failure(TurnFailure failure, String detail) {
        String saved = " Your message is saved.";
        return switch (failure) {
            case MODEL_UNAVAILABLE, MODEL_MISCONFIGURED ->
                    Problem.of(502, failure.errorCode(), "Bad gateway", detail + saved);
            case MODEL_TIMEOUT -> Problem.of(504, failure.errorCode(), "Gateway timeout", detail + saved);
            case STORE_UNAVAILABLE -> Problem.unavailable(failure.errorCode(), detail);
            case CONVERSATION_DELETED -> Problem.of(410, failure.errorCode(), "Gone", detail);
            case INSTANCE_LOST -> Problem.unavailable(failure.errorCode(), detail);
            case INTERNAL -> Problem.of(500, failure.errorCode(), "Internal server error", detail);
        };
    }
}
