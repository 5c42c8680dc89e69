package io.confab.rest;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.confab.application.usecase.TurnOutcome;
import io.confab.application.usecase.TurnStart;
import io.confab.domain.ConversationId;
import io.confab.domain.ErrorCode;
import io.confab.domain.Message;
import io.confab.domain.UserId;
import io.confab.domain.port.TaskFilter;
import io.confab.json.ResourceJson;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Optional;

/**
 * The stateless one-shot chat {@code POST /api/{user_id}/chat} (JSON, or SSE with
 * {@code Accept: text/event-stream}), and the caller's task list.
 */
final class ChatRoutes {

    static final String ONE_SHOT = "/api/{user_id}/chat";
    static final String TASKS = "/api/v1/tasks";

    private final RestUseCases useCases;
    private final RestSettings settings;
    private final HttpMetrics metrics;

    ChatRoutes(RestUseCases useCases, RestSettings settings, HttpMetrics metrics) {
        this.useCases = useCases;
        this.settings = settings;
        this.metrics = metrics;
    }

    void register(RoutesConfig routes) {
        routes.post(ONE_SHOT, this::oneShot);
        routes.get(TASKS, this::tasks);
    }

    private void oneShot(Context ctx) {
        UserId user = Authentication.user(ctx);
        if (!user.value().equals(ctx.pathParam("user_id"))) {
            throw Problem.of(403, ErrorCode.FORBIDDEN, "Forbidden", "The path's user is not the token's user.").toException();
        }
        Body body = Json.body(ctx);
        String message = Message.checkUserContent(body.requiredString("message"));
        Optional<ConversationId> conversation = body.string("conversation_id").map(ConversationId::parse);
        if (SseStream.accepted(ctx)) {
            stream(ctx, user, conversation, message);
            return;
        }
        TurnOutcome outcome = useCases.oneShotChat().chat(user, conversation, message);
        Json.answer(ctx, 200, TurnAnswers.oneShot(TurnAnswers.finished(outcome)));
    }

    /** The turn as SSE; its first event, message_created, names the conversation (a new one when none was given). */
    private void stream(Context ctx, UserId user, Optional<ConversationId> conversation, String message) {
        SseStream stream = new SseStream();
        TurnStart start = useCases.oneShotChat().start(user, conversation, message, stream);
        TurnAnswers.notStarted(start, Problem.notFound("No such conversation.")).ifPresent(problem -> {
            throw problem.toException();
        });
        stream.pump(ctx, settings.sseHeartbeat(), metrics);
    }

    private void tasks(Context ctx) {
        TaskFilter filter = TaskFilter.fromWire(Params.query(ctx, "status").orElse("all"));
        ObjectNode body = Json.object();
        ArrayNode items = body.putArray("items");
        useCases.listTasks().list(Authentication.user(ctx), filter).forEach(task -> items.add(ResourceJson.task(task)));
        Json.answer(ctx, 200, body);
    }
}
