package io.confab.application.service;

import io.confab.application.usecase.ListMessagesUseCase;
import io.confab.domain.ConversationId;
import io.confab.domain.MessageId;
import io.confab.domain.MessagePage;
import io.confab.domain.UserId;
import io.confab.domain.port.MessageRepository;
import java.util.Optional;

/** Pages through the history of one of the user's live conversations (keyset, oldest first in a page). */
public final class ListMessagesService implements ListMessagesUseCase {

    private final MessageRepository messages;

    public ListMessagesService(MessageRepository messages) {
        this.messages = messages;
    }

    @Override
    public Optional<MessagePage> list(UserId owner, ConversationId conversation, Optional<MessageId> before, int limit) {
        int checked = ListMessagesUseCase.checkLimit(limit);
        return messages.page(owner, conversation, before, checked);
    }
}
