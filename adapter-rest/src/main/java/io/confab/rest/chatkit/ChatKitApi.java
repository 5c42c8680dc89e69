package io.confab.rest.chatkit;

import io.confab.domain.UserId;
import io.confab.domain.port.EventBus;
import io.confab.rest.RestUseCases;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Duration;
import java.util.function.Function;

/**
 * OpenAI ChatKit's custom-backend protocol at {@code POST /chatkit} (SPEC §14): one endpoint
 * taking {@code {"type","params"}}, answering JSON or an SSE stream of ChatKit events. Threads are
 * Confab conversations and items their messages, through the same use cases as the REST API.
 * Authentication is the host's: {@code users} gives the authenticated user of a request.
 */
public final class ChatKitApi {

    public static final String PATH = "/chatkit";

    private final Function<Context, UserId> users;
    private final ThreadRequests threads;
    private final TurnRequests turns;

    public ChatKitApi(RestUseCases useCases, Function<Context, UserId> users, EventBus bus, Duration heartbeat,
                      StreamCounter counter) {
        this.users = users;
        this.threads = new ThreadRequests(useCases);
        this.turns = new TurnRequests(useCases, threads, bus, heartbeat, counter);
    }

    public void register(RoutesConfig routes) {
        routes.post(PATH, this::handle);
    }

    private void handle(Context ctx) {
        UserId user = users.apply(ctx);
        switch (ChatKitJson.read(ctx.bodyAsBytes())) {
            case ChatKitRequest.ThreadsCreate request -> turns.create(ctx, user, request);
            case ChatKitRequest.ThreadsAddUserMessage request -> turns.addUserMessage(ctx, user, request);
            case ChatKitRequest.ThreadsRetryAfterItem request -> turns.retry(ctx, user, request);
            case ChatKitRequest.ThreadsGetById request -> answer(ctx, threads.get(user, request));
            case ChatKitRequest.ThreadsList request -> answer(ctx, threads.list(user, request));
            case ChatKitRequest.ThreadsUpdate request -> answer(ctx, threads.update(user, request));
            case ChatKitRequest.ThreadsDelete request -> answer(ctx, threads.delete(user, request));
            case ChatKitRequest.ItemsList request -> answer(ctx, threads.items(user, request));
            case ChatKitRequest.ItemsFeedback request -> answer(ctx, threads.feedback(user, request));
        }
    }

    private static void answer(Context ctx, Object body) {
        ctx.status(200).contentType("application/json").result(ChatKitJson.bytes(body));
    }
}
