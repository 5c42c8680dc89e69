package io.confab.application.usecase;

import io.confab.domain.ConversationId;
import io.confab.domain.Feedback;
import io.confab.domain.MessageId;
import io.confab.domain.UserId;

/** Records a user's rating of a message of one of their conversations (SPEC §16), replacing an earlier one. */
public interface GiveFeedbackUseCase {

    /** False when the message is not in the user's live conversation (missing, deleted or someone else's). */
    boolean give(UserId owner, ConversationId conversation, MessageId message, Feedback feedback);
}
