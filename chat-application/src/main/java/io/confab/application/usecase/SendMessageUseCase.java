package io.confab.application.usecase;

import io.confab.domain.ConversationId;
import io.confab.domain.Message;
import io.confab.domain.UserId;
import io.confab.domain.UserText;
import java.util.Objects;
import java.util.Optional;

/**
 * Runs one agent turn (SPEC §3) for a user message. The turn belongs to the server: it runs on its
 * own virtual thread, and a caller that goes away does not stop it.
 */
public interface SendMessageUseCase {

    /** A user's message to a conversation, with an optional idempotency key. */
    record SendMessage(UserId user, ConversationId conversation, String content, Optional<String> clientMessageId) {
        public SendMessage {
            Objects.requireNonNull(user, "user");
            Objects.requireNonNull(conversation, "conversation");
            content = Message.checkUserContent(content);
            Objects.requireNonNull(clientMessageId, "clientMessageId");
            // checked here, not only when the message is stored: the turn looks the key up first
            clientMessageId.ifPresent(id -> UserText.withoutNul("client_message_id", id));
        }
    }

    /** Runs the turn and waits for its end. */
    TurnOutcome send(SendMessage command);

    /** Starts the turn and streams its events to {@code listener}; returns once it started. */
    TurnStart start(SendMessage command, TurnListener listener);
}
