package io.confab.domain.port;

import io.confab.domain.ConversationId;
import io.confab.domain.MessageId;
import io.confab.domain.TurnId;
import io.confab.domain.UserId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The claim a running turn holds on its conversation: which instance runs it, for which user
 * message (and client_message_id), and until when; the instance renews it while the turn runs.
 */
public record TurnLease(ConversationId conversation, TurnId turn, UserId owner, MessageId userMessage,
                        Optional<String> clientMessageId, String instance, Instant expiresAt) {

    public TurnLease {
        Objects.requireNonNull(conversation, "conversation");
        Objects.requireNonNull(turn, "turn");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(userMessage, "userMessage");
        Objects.requireNonNull(clientMessageId, "clientMessageId");
        Objects.requireNonNull(expiresAt, "expiresAt");
        if (instance == null || instance.isBlank() || instance.length() > 200) {
            throw new IllegalArgumentException("instance must be 1..200 characters");
        }
    }

    /** True once {@code now} reached the expiry: the instance stopped renewing it. */
    public boolean isExpiredAt(Instant now) {
        return !expiresAt.isAfter(now);
    }

    /** True when both leases are for the same user message (a retry of the same send). */
    public boolean answersSameMessage(TurnLease other) {
        return userMessage.equals(other.userMessage)
                || clientMessageId.isPresent() && clientMessageId.equals(other.clientMessageId);
    }
}
