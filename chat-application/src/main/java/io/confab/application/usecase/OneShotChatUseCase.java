package io.confab.application.usecase;

import io.confab.domain.ConversationId;
import io.confab.domain.UserId;
import java.util.Optional;

/** The stateless one-shot chat: one turn, in the given conversation or a new one. */
public interface OneShotChatUseCase {

    /** Runs the turn and waits for its end. */
    TurnOutcome chat(UserId user, Optional<ConversationId> conversation, String message);

    /** Starts the turn and streams its events to {@code listener} (the first names the conversation); returns once it started. */
    TurnStart start(UserId user, Optional<ConversationId> conversation, String message, TurnListener listener);
}
