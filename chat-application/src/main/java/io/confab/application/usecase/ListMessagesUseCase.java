package io.confab.application.usecase;

import io.confab.domain.ConversationId;
import io.confab.domain.Message;
import io.confab.domain.MessageId;
import io.confab.domain.MessagePage;
import io.confab.domain.UserId;
import io.confab.domain.ValidationException;
import java.util.List;
import java.util.Optional;

/**
 * Pages through a conversation's history, newest page first, oldest first within a page. Each user
 * message shows its current reply only; {@link #versions} lists the earlier ones.
 */
public interface ListMessagesUseCase {

    int DEFAULT_LIMIT = 50;
    int MAX_LIMIT = 200;

    /** Empty when the conversation is missing, deleted or someone else's. */
    Optional<MessagePage> list(UserId owner, ConversationId conversation, Optional<MessageId> before, int limit);

    /** The most versions {@link #versions} lists. */
    int MAX_VERSIONS = 50;

    /**
     * Every version of a message, oldest first (the last is the current one): for a reply, every
     * reply to the same user message; for a user message, its texts (the original and its edits).
     * Empty when there is no such message in the user's live conversation.
     */
    Optional<List<Message>> versions(UserId owner, ConversationId conversation, MessageId message);

    static int checkLimit(int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new ValidationException("limit", "must be between 1 and " + MAX_LIMIT);
        }
        return limit;
    }
}
