package io.confab.application.usecase;

import io.confab.domain.ConversationId;
import io.confab.domain.UserId;

/** Stops the running turn of a conversation (the model call is closed). */
public interface CancelTurnUseCase {

    /** What a cancel request found. */
    enum CancelOutcome { CANCELLED, NO_RUNNING_TURN, NOT_FOUND }

    CancelOutcome cancel(UserId user, ConversationId conversation);
}
