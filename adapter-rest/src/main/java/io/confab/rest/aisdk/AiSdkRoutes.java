package io.confab.rest.aisdk;

import io.confab.application.usecase.CreateConversationUseCase;
import io.confab.application.usecase.CreateConversationUseCase.NewConversation;
import io.confab.application.usecase.ListMessagesUseCase;
import io.confab.application.usecase.RetryReplyUseCase;
import io.confab.application.usecase.SendMessageUseCase;
import io.confab.application.usecase.SendMessageUseCase.SendMessage;
import io.confab.domain.Conversation;
import io.confab.domain.ConversationId;
import io.confab.domain.Message;
import io.confab.domain.MessageId;
import io.confab.domain.Role;
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
    private static final int LATEST_PAGE = 20;

    private final CreateConversationUseCase conversations;
    private final SendMessageUseCase turns;
    private final ListMessagesUseCase history;
    private final RetryReplyUseCase retries;
    private final RouteSupport support;

    public AiSdkRoutes(CreateConversationUseCase conversations, SendMessageUseCase turns, ListMessagesUseCase history,
                       RetryReplyUseCase retries, RouteSupport support) {
        this.conversations = conversations;
        this.turns = turns;
        this.history = history;
        this.retries = retries;
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
        Optional<MessageId> regenerated = turn.regenerate() ? latestUserMessage(user, conversation.id()) : Optional.empty();
        support.streamTurn(ctx, listener -> regenerated
                        .map(question -> retries.retry(user, conversation.id(), question, listener))
                        .orElseGet(() -> turns.start(command, listener)),
                new UiMessageStream(conversation.id()));
    }

    /** The newest stored user message, whose reply a regenerate writes again; empty in a chat with none yet. */
    private Optional<MessageId> latestUserMessage(UserId user, ConversationId conversation) {
        return history.list(user, conversation, Optional.empty(), LATEST_PAGE)
                .flatMap(page -> page.items().reversed().stream().filter(m -> m.role() == Role.USER).findFirst())
                .map(Message::id);
    }
}
