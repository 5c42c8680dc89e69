package io.confab.websocket;

import io.confab.application.usecase.CancelTurnUseCase;
import io.confab.application.usecase.CreateConversationUseCase;
import io.confab.application.usecase.FollowTurnUseCase;
import io.confab.application.usecase.GetConversationUseCase;
import io.confab.application.usecase.RetryReplyUseCase;
import io.confab.application.usecase.SendMessageUseCase;
import java.util.Objects;

/** The use cases the WebSocket protocol drives; the adapter calls nothing else of the application. */
public record WebSocketUseCases(SendMessageUseCase sendMessage, CreateConversationUseCase createConversation,
                                GetConversationUseCase getConversation, CancelTurnUseCase cancelTurn,
                                FollowTurnUseCase followTurn, RetryReplyUseCase retryReply) {

    public WebSocketUseCases {
        Objects.requireNonNull(sendMessage, "sendMessage");
        Objects.requireNonNull(createConversation, "createConversation");
        Objects.requireNonNull(getConversation, "getConversation");
        Objects.requireNonNull(cancelTurn, "cancelTurn");
        Objects.requireNonNull(followTurn, "followTurn");
        Objects.requireNonNull(retryReply, "retryReply");
    }
}
