package io.confab.application.usecase;

import io.confab.domain.ConversationId;
import io.confab.domain.UserId;
import java.util.Optional;

/** The stateless one-shot chat: one turn, in the given conversation or a new one. */
public interface OneShotChatUseCase {

    TurnOutcome chat(UserId user, Optional<ConversationId> conversation, String message);
}
