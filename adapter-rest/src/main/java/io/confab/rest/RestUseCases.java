package io.confab.rest;

import io.confab.application.usecase.CancelTurnUseCase;
import io.confab.application.usecase.CreateConversationUseCase;
import io.confab.application.usecase.DeleteConversationUseCase;
import io.confab.application.usecase.FollowTurnUseCase;
import io.confab.application.usecase.GetConversationUseCase;
import io.confab.application.usecase.GiveFeedbackUseCase;
import io.confab.application.usecase.ListConversationsUseCase;
import io.confab.application.usecase.ListMessagesUseCase;
import io.confab.application.usecase.ListTasksUseCase;
import io.confab.application.usecase.OneShotChatUseCase;
import io.confab.application.usecase.RetryReplyUseCase;
import io.confab.application.usecase.SearchUseCase;
import io.confab.application.usecase.SendMessageUseCase;
import io.confab.application.usecase.UpdateConversationUseCase;
import java.util.Objects;

/** The use cases the HTTP API calls: the REST adapter knows the application only through these. */
public record RestUseCases(
        CreateConversationUseCase createConversation,
        ListConversationsUseCase listConversations,
        GetConversationUseCase getConversation,
        UpdateConversationUseCase updateConversation,
        DeleteConversationUseCase deleteConversation,
        ListMessagesUseCase listMessages,
        GiveFeedbackUseCase giveFeedback,
        SendMessageUseCase sendMessage,
        FollowTurnUseCase followTurn,
        CancelTurnUseCase cancelTurn,
        RetryReplyUseCase retryReply,
        OneShotChatUseCase oneShotChat,
        ListTasksUseCase listTasks,
        SearchUseCase search) {

    public RestUseCases {
        Objects.requireNonNull(createConversation, "createConversation");
        Objects.requireNonNull(listConversations, "listConversations");
        Objects.requireNonNull(getConversation, "getConversation");
        Objects.requireNonNull(updateConversation, "updateConversation");
        Objects.requireNonNull(deleteConversation, "deleteConversation");
        Objects.requireNonNull(listMessages, "listMessages");
        Objects.requireNonNull(giveFeedback, "giveFeedback");
        Objects.requireNonNull(sendMessage, "sendMessage");
        Objects.requireNonNull(followTurn, "followTurn");
        Objects.requireNonNull(cancelTurn, "cancelTurn");
        Objects.requireNonNull(retryReply, "retryReply");
        Objects.requireNonNull(oneShotChat, "oneShotChat");
        Objects.requireNonNull(listTasks, "listTasks");
        Objects.requireNonNull(search, "search");
    }
}
