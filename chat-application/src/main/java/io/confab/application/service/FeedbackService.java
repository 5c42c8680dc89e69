package io.confab.application.service;

import io.confab.application.usecase.GiveFeedbackUseCase;
import io.confab.domain.ConversationId;
import io.confab.domain.Feedback;
import io.confab.domain.MessageId;
import io.confab.domain.UserId;
import io.confab.domain.port.MessageRepository;

/** Stores feedback on messages, owner-scoped by the store. */
public final class FeedbackService implements GiveFeedbackUseCase {

    private final MessageRepository messages;

    public FeedbackService(MessageRepository messages) {
        this.messages = messages;
    }

    @Override
    public boolean give(UserId owner, ConversationId conversation, MessageId message, Feedback feedback) {
        return messages.saveFeedback(owner, conversation, message, feedback);
    }
}
