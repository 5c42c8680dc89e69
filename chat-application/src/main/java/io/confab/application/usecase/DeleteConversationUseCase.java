package io.confab.application.usecase;

import io.confab.domain.ConversationId;
import io.confab.domain.UserId;

/** Soft-deletes a conversation: from then on it is not found anywhere. */
public interface DeleteConversationUseCase {

    /** False when the conversation is missing, already deleted or someone else's. */
    boolean delete(UserId owner, ConversationId id);
}
