package io.confab.rest;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.confab.application.usecase.FollowTurnUseCase.FollowOutcome;
import io.confab.application.usecase.FollowTurnUseCase.TurnPosition;
import io.confab.application.usecase.ListMessagesUseCase;
import io.confab.application.usecase.SendMessageUseCase.SendMessage;
import io.confab.application.usecase.TurnOutcome;
import io.confab.application.usecase.TurnStart;
import io.confab.domain.ConversationId;
import io.confab.domain.MessagePage;
import io.confab.domain.TurnId;
import io.confab.domain.UserId;
import io.confab.json.ResourceJson;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Optional;
import java.util.UUID;

/** A conversation's history and its turns: send (JSON or SSE), stream, resume, cancel. */
final class MessageRoutes {

    static final String MESSAGES = ConversationRoutes.ONE + "/messages";
    static final String STREAM = ConversationRoutes.ONE + "/stream";
    static final String CANCEL = ConversationRoutes.ONE + "/cancel";

    private final RestUseCases useCases;
    private final RestSettings settings;
    private final HttpMetrics metrics;

    MessageRoutes(RestUseCases useCases, RestSettings settings, HttpMetrics metrics) {
        this.useCases = useCases;
        this.settings = settings;
        this.metrics = metrics;
    }

    void register(RoutesConfig routes) {
        routes.get(MESSAGES, this::list);
        routes.post(MESSAGES, this::send);
        routes.get(STREAM, this::stream);
        routes.post(CANCEL, this::cancel);
    }

    private void list(Context ctx) {
        ConversationId id = Params.conversationId(ctx);
        int limit = ListMessagesUseCase.checkLimit(Params.intQuery(ctx, "limit", ListMessagesUseCase.DEFAULT_LIMIT));
        MessagePage page = useCases.listMessages()
                .list(Authentication.user(ctx), id, Params.messageIdQuery(ctx, "before"), limit)
                .orElseThrow(() -> ConversationRoutes.notFound(id).toException());
        ObjectNode body = Json.object();
        ArrayNode items = body.putArray("items");
        page.items().forEach(message -> items.add(ResourceJson.message(message)));
        body.put("has_more", page.hasMore());
        Json.answer(ctx, 200, body);
    }

    private void send(Context ctx) {
        ConversationId id = Params.conversationId(ctx);
        Body body = Json.body(ctx);
        SendMessage command = new SendMessage(Authentication.user(ctx), id, body.requiredString("message"),
                body.string("client_message_id").or(() -> Optional.ofNullable(ctx.header("Idempotency-Key"))));
        if (SseStream.accepted(ctx)) {
            startOrResume(ctx, command);
            return;
        }
        TurnOutcome outcome = useCases.sendMessage().send(command);
        TurnAnswers.problem(outcome).ifPresent(problem -> {
            throw problem.toException();
        });
        Json.answer(ctx, 200, TurnAnswers.turn(id, (TurnOutcome.Finished) outcome));
    }

    /** {@code GET …/stream}: a new turn when {@code message} is given, else resumes the latest one. */
    private void stream(Context ctx) {
        ConversationId id = Params.conversationId(ctx);
        // present but empty is a message to validate (422), not a resume
        Optional<String> message = Optional.ofNullable(ctx.queryParam("message"));
        if (message.isPresent()) {
            startOrResume(ctx, new SendMessage(Authentication.user(ctx), id, message.get(),
                    Params.query(ctx, "client_message_id")));
        } else {
            follow(ctx, Authentication.user(ctx), id, lastEventId(ctx));
        }
    }

    /**
     * Streams a new turn, unless the request carries {@code Last-Event-ID}: that is a reconnect
     * (an {@code EventSource} re-sends the original URL), which resumes the turn it names and never
     * starts one (SPEC §12).
     */
    private void startOrResume(Context ctx, SendMessage command) {
        Optional<TurnPosition> reconnect = lastEventId(ctx);
        if (reconnect.isPresent()) {
            follow(ctx, command.user(), command.conversation(), reconnect);
            return;
        }
        SseStream stream = new SseStream();
        TurnStart start = useCases.sendMessage().start(command, stream);
        TurnAnswers.notStarted(start, ConversationRoutes.notFound(command.conversation())).ifPresent(problem -> {
            throw problem.toException();
        });
        stream.pump(ctx, settings.sseHeartbeat(), metrics);
    }

    private void follow(Context ctx, UserId user, ConversationId id, Optional<TurnPosition> after) {
        SseStream stream = new SseStream();
        switch (useCases.followTurn().follow(user, id, after, stream)) {
            case FollowOutcome.Following following -> {
                try (var subscription = following.subscription()) {
                    stream.pump(ctx, settings.sseHeartbeat(), metrics);
                }
            }
            case FollowOutcome.NotFound ignored -> throw ConversationRoutes.notFound(id).toException();
            case FollowOutcome.NoTurn ignored -> throw Problem.of(404, "no_turn", "Not found",
                    "The conversation has no turn that can be resumed.").toException();
        }
    }

    /** {@code Last-Event-ID: <turn>:<seq>} as sent by EventSource on reconnect. */
    private static Optional<TurnPosition> lastEventId(Context ctx) {
        String header = ctx.header("Last-Event-ID");
        if (header == null || header.isBlank()) {
            return Optional.empty();
        }
        String[] parts = header.strip().split(":", 2);
        try {
            return Optional.of(new TurnPosition(new TurnId(UUID.fromString(parts[0])), Long.parseLong(parts[1])));
        } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
            throw Problem.badRequest("bad_last_event_id", "Last-Event-ID must be <turn>:<seq>.").toException();
        }
    }

    private void cancel(Context ctx) {
        ConversationId id = Params.conversationId(ctx);
        switch (useCases.cancelTurn().cancel(Authentication.user(ctx), id)) {
            case CANCELLED -> Json.answer(ctx, 202, Json.object().put("status", "cancelling"));
            case NO_RUNNING_TURN -> throw Problem.conflict("no_running_turn",
                    "No turn is running in this conversation.").toException();
            case NOT_FOUND -> throw ConversationRoutes.notFound(id).toException();
        }
    }
}
