package io.confab.rest.aisdk;

import io.confab.application.usecase.CreateConversationUseCase;
import io.confab.application.usecase.CreateConversationUseCase.NewConversation;
import io.confab.application.usecase.SendMessageUseCase;
import io.confab.application.usecase.SendMessageUseCase.SendMessage;
import io.confab.domain.Conversation;
import io.confab.domain.UserId;
import io.confab.rest.RouteSupport;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Map;
import java.util.Optional;

/**
 * The backend of the Vercel AI SDK's {@code useChat} (SPEC §14): {@code POST /api/v1/ai-sdk/chat}
 * runs a turn in the caller's conversation named by the chat id (its {@code external_id}, created
 * on first use) and streams it as the UI message stream protocol v1.
 */
public final class AiSdkRoutes {

    public static final String PATH = "/api/v1/ai-sdk/chat";

    private final CreateConversationUseCase conversations;
    private final SendMessageUseCase turns;
    private final RouteSupport support;

    public AiSdkRoutes(CreateConversationUseCase conversations, SendMessageUseCase turns, RouteSupport support) {
        this.conversations = conversations;
        this.turns = turns;
        this.support = support;
    }

    public void register(RoutesConfig routes) {
        routes.post(PATH, this::chat);
    }

    private void chat(Context ctx) {
        UserId user = RouteSupport.user(ctx);
        ChatRequest.ChatTurn turn = RouteSupport.body(ctx, ChatRequest.class).turn();
        Conversation conversation = conversations.create(user,
                new NewConversation("", Map.of(), Optional.of(turn.chat()))).conversation();
        SendMessage command = new SendMessage(user, conversation.id(), turn.text(), turn.clientMessageId());
        support.streamTurn(ctx, listener -> turns.start(command, listener), new UiMessageStream(conversation.id()));
    }
}
