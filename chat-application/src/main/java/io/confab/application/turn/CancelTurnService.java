package io.confab.application.turn;

import io.confab.application.usecase.CancelTurnUseCase;
import io.confab.domain.ConversationId;
import io.confab.domain.UserId;
import io.confab.domain.port.ConversationRepository;

/** Cancels the turns of a conversation running on this instance (the model call is closed at once). */
public final class CancelTurnService implements CancelTurnUseCase {

    private final ConversationRepository conversations;
    private final TurnRegistry registry;

    public CancelTurnService(ConversationRepository conversations, TurnRegistry registry) {
        this.conversations = conversations;
        this.registry = registry;
    }

    @Override
    public CancelOutcome cancel(UserId user, ConversationId conversation) {
        if (conversations.find(user, conversation).isEmpty()) {
            return CancelOutcome.NOT_FOUND;
        }
        return registry.cancel(conversation) ? CancelOutcome.CANCELLED : CancelOutcome.NO_RUNNING_TURN;
    }
}
