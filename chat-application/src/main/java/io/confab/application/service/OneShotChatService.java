package io.confab.application.service;

import io.confab.application.usecase.CreateConversationUseCase;
import io.confab.application.usecase.OneShotChatUseCase;
import io.confab.application.usecase.SendMessageUseCase;
import io.confab.application.usecase.TurnListener;
import io.confab.application.usecase.TurnOutcome;
import io.confab.application.usecase.TurnStart;
import io.confab.domain.ConversationId;
import io.confab.domain.Message;
import io.confab.domain.UserId;
import java.util.Optional;

/** The stateless one-shot chat: one turn (blocking or streamed), in the given conversation or a new untitled one. */
public final class OneShotChatService implements OneShotChatUseCase {

    private final CreateConversationUseCase create;
    private final SendMessageUseCase send;

    public OneShotChatService(CreateConversationUseCase create, SendMessageUseCase send) {
        this.create = create;
        this.send = send;
    }

    @Override
    public TurnOutcome chat(UserId user, Optional<ConversationId> conversation, String message) {
        return send.send(command(user, conversation, message));
    }

    @Override
    public TurnStart start(UserId user, Optional<ConversationId> conversation, String message, TurnListener listener) {
        return send.start(command(user, conversation, message), listener);
    }

    /** The message checked first, so an invalid one creates no conversation. */
    private SendMessageUseCase.SendMessage command(UserId user, Optional<ConversationId> conversation, String message) {
        String content = Message.checkUserContent(message);
        ConversationId target = conversation.orElseGet(() -> create.create(user, "").id());
        return new SendMessageUseCase.SendMessage(user, target, content, Optional.empty());
    }
}
