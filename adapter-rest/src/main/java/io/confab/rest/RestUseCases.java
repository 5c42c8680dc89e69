package io.confab.rest;

import io.confab.application.Confab;
import io.confab.application.usecase.CancelTurnUseCase;
import io.confab.application.usecase.CreateConversationUseCase;
import io.confab.application.usecase.DeleteConversationUseCase;
import io.confab.application.usecase.EraseAccountUseCase;
import io.confab.application.usecase.ExportConversationUseCase;
import io.confab.application.usecase.FollowTurnUseCase;
import io.confab.application.usecase.GetConversationUseCase;
import io.confab.application.usecase.GiveFeedbackUseCase;
import io.confab.application.usecase.ImportConversationUseCase;
import io.confab.application.usecase.ListConversationsUseCase;
import io.confab.application.usecase.ListMessagesUseCase;
import io.confab.application.usecase.ListTasksUseCase;
import io.confab.application.usecase.ListToolCallsUseCase;
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
        ExportConversationUseCase exportConversation,
        ImportConversationUseCase importConversation,
        EraseAccountUseCase eraseAccount,
        SendMessageUseCase sendMessage,
        FollowTurnUseCase followTurn,
        CancelTurnUseCase cancelTurn,
        RetryReplyUseCase retryReply,
        OneShotChatUseCase oneShotChat,
        ListTasksUseCase listTasks,
        SearchUseCase search,
        ListToolCallsUseCase listToolCalls) {

    public RestUseCases {
        Objects.requireNonNull(createConversation, "createConversation");
        Objects.requireNonNull(listConversations, "listConversations");
        Objects.requireNonNull(getConversation, "getConversation");
        Objects.requireNonNull(updateConversation, "updateConversation");
        Objects.requireNonNull(deleteConversation, "deleteConversation");
        Objects.requireNonNull(listMessages, "listMessages");
        Objects.requireNonNull(giveFeedback, "giveFeedback");
        Objects.requireNonNull(exportConversation, "exportConversation");
        Objects.requireNonNull(importConversation, "importConversation");
        Objects.requireNonNull(eraseAccount, "eraseAccount");
        Objects.requireNonNull(sendMessage, "sendMessage");
        Objects.requireNonNull(followTurn, "followTurn");
        Objects.requireNonNull(cancelTurn, "cancelTurn");
        Objects.requireNonNull(retryReply, "retryReply");
        Objects.requireNonNull(oneShotChat, "oneShotChat");
        Objects.requireNonNull(listTasks, "listTasks");
        Objects.requireNonNull(search, "search");
        Objects.requireNonNull(listToolCalls, "listToolCalls");
    }

    /** Every use case straight from Confab's facade. */
    public static RestUseCases of(Confab confab) {
        return new RestUseCases(confab.createConversation(), confab.listConversations(), confab.getConversation(),
                confab.updateConversation(), confab.deleteConversation(), confab.listMessages(), confab.giveFeedback(),
                confab.exportConversation(), confab.importConversation(), confab.eraseAccount(), confab.sendMessage(),
                confab.followTurn(), confab.cancelTurn(), confab.retryReply(), confab.oneShotChat(), confab.listTasks(),
                confab.search(), confab.listToolCalls());
    }

    /** These use cases with the ones that run turns replaced (a host wraps them, to meter them say). */
    public RestUseCases withTurns(SendMessageUseCase send, RetryReplyUseCase retry, OneShotChatUseCase oneShot) {
        return new RestUseCases(createConversation, listConversations, getConversation, updateConversation,
                deleteConversation, listMessages, giveFeedback, exportConversation, importConversation, eraseAccount,
                send, followTurn, cancelTurn, retry, oneShot, listTasks, search, listToolCalls);
    }
}
