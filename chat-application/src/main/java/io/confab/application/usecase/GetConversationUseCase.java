package io.confab.application.usecase;

import io.confab.domain.Conversation;
import io.confab.domain.ConversationId;
import io.confab.domain.UserId;
import java.util.Optional;

/** Reads one of the user's conversations; empty when missing, deleted or someone else's. */
public interface GetConversationUseCase {

    Optional<Conversation> get(UserId owner, ConversationId id);
}
