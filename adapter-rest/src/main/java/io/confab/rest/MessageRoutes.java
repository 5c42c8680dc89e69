package io.confab.rest;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.confab.application.usecase.FollowTurnUseCase.FollowOutcome;
import io.confab.application.usecase.FollowTurnUseCase.TurnPosition;
import io.confab.application.usecase.ListMessagesUseCase;
import io.confab.application.usecase.SendMessageUseCase.SendMessage;
import io.confab.application.usecase.TurnListener;
import io.confab.application.usecase.TurnOutcome;
import io.confab.application.usecase.TurnStart;
import io.confab.domain.ConversationId;
import io.confab.domain.ErrorCode;
import io.confab.domain.Feedback;
import io.confab.domain.Message;
import io.confab.domain.MessageId;
import io.confab.domain.MessagePage;
import io.confab.domain.TurnId;
import io.confab.domain.UserId;
import io.confab.json.ResourceJson;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Function;

/** A conversation's history and its turns: send (JSON or SSE), stream, resume, cancel. */
final class MessageRoutes {

    static final String MESSAGES = ConversationRoutes.ONE + "/messages";
    static final String STREAM = ConversationRoutes.ONE + "/stream";
    static final String CANCEL = ConversationRoutes.ONE + "/cancel";
    static final String FEEDBACK = MESSAGES + "/{message_id}/feedback";
    static final String ONE_MESSAGE = MESSAGES + "/{message_id}";
    static final String REGENERATE = MESSAGES + "/{message_id}/regenerate";
    static final String VERSIONS = MESSAGES + "/{message_id}/versions";

    private final RestUseCases useCases;
    private final RestSettings settings;
    private final HttpMetrics metrics;
    private final RouteSupport support;

    MessageRoutes(RestUseCases useCases, RestSettings settings, HttpMetrics metrics, RouteSupport support) {
        this.useCases = useCases;
        this.settings = settings;
        this.metrics = metrics;
        this.support = support;
    }

    void register(RoutesConfig routes) {
        routes.get(MESSAGES, this::list);
        routes.post(MESSAGES, this::send);
        routes.get(STREAM, this::stream);
        routes.post(CANCEL, this::cancel);
        routes.put(FEEDBACK, this::feedback);
        routes.post(REGENERATE, this::regenerate);
        routes.patch(ONE_MESSAGE, this::edit);
        routes.get(VERSIONS, this::versions);
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
        Json.answer(ctx, 200, TurnAnswers.turn(id, TurnAnswers.finished(useCases.sendMessage().send(command))));
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
        support.streamTurn(ctx, listener -> useCases.sendMessage().start(command, listener), new ConfabFrames());
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
            case FollowOutcome.NoTurn ignored -> throw Problem.of(404, ErrorCode.NO_TURN, "Not found",
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
            throw Problem.badRequest(ErrorCode.BAD_LAST_EVENT_ID, "Last-Event-ID must be <turn>:<seq>.").toException();
        }
    }

    /** The latest reply written again (SPEC §16): SSE with {@code Accept: text/event-stream}, else the finished turn. */
    private void regenerate(Context ctx) {
        UserId user = Authentication.user(ctx);
        MessageId message = Params.messageId(ctx);
        rewrite(ctx, (id, listener) -> useCases.retryReply().regenerate(user, id, message, listener),
                id -> useCases.retryReply().regenerateAndWait(user, id, message));
    }

    /** The latest user message's new text, and the reply to it (SPEC §16); answered like {@link #regenerate}. */
    private void edit(Context ctx) {
        UserId user = Authentication.user(ctx);
        MessageId message = Params.messageId(ctx);
        String content = Json.body(ctx).requiredString("content");
        rewrite(ctx, (id, listener) -> useCases.retryReply().edit(user, id, message, content, listener),
                id -> useCases.retryReply().editAndWait(user, id, message, content));
    }

    /** Streams the turn {@code stream} starts when the client asks for SSE, else answers what {@code wait} returns. */
    private void rewrite(Context ctx, BiFunction<ConversationId, TurnListener, TurnStart> stream,
                         Function<ConversationId, TurnOutcome> wait) {
        ConversationId id = Params.conversationId(ctx);
        if (SseStream.accepted(ctx)) {
            support.streamTurn(ctx, listener -> stream.apply(id, listener), new ConfabFrames());
            return;
        }
        Json.answer(ctx, 200, TurnAnswers.turn(id, TurnAnswers.finished(wait.apply(id))));
    }

    /** Every version of a message (a reply's regenerations, a user message's texts), oldest first; the last is current. */
    private void versions(Context ctx) {
        ConversationId id = Params.conversationId(ctx);
        MessageId message = Params.messageId(ctx);
        List<Message> versions = useCases.listMessages().versions(Authentication.user(ctx), id, message)
                .orElseThrow(() -> Problem.notFound("No message " + message + " in this conversation.").toException());
        ObjectNode body = Json.object();
        ArrayNode items = body.putArray("items");
        versions.forEach(version -> items.add(ResourceJson.message(version)));
        Json.answer(ctx, 200, body);
    }

    /** {@code PUT …/messages/{message_id}/feedback} {@code {"rating":"up"|"down","comment"?}}: 204 (SPEC §16). */
    private void feedback(Context ctx) {
        ConversationId id = Params.conversationId(ctx);
        MessageId message = Params.messageId(ctx);
        Body body = Json.body(ctx);
        Feedback feedback = new Feedback(Feedback.Rating.fromWire(body.requiredString("rating")), body.string("comment"));
        if (!useCases.giveFeedback().give(Authentication.user(ctx), id, message, feedback)) {
            throw Problem.notFound("No message " + message + " in this conversation.").toException();
        }
        ctx.status(204);
    }

    private void cancel(Context ctx) {
        ConversationId id = Params.conversationId(ctx);
        switch (useCases.cancelTurn().cancel(Authentication.user(ctx), id)) {
            case CANCELLED -> Json.answer(ctx, 202, Json.object().put("status", "cancelling"));
            case NO_RUNNING_TURN -> throw Problem.conflict(ErrorCode.NO_RUNNING_TURN,
                    "No turn is running in this conversation.").toException();
            case NOT_FOUND -> throw ConversationRoutes.notFound(id).toException();
        }
    }
}
