package io.confab.application.usecase;

import io.confab.domain.ConversationId;
import io.confab.domain.MessageId;
import io.confab.domain.MessagePage;
import io.confab.domain.UserId;
import io.confab.domain.ValidationException;
import java.util.Optional;

/** Pages through a conversation's history, newest page first, oldest first within a page. */
public interface ListMessagesUseCase {

    int DEFAULT_LIMIT = 50;
    int MAX_LIMIT = 200;

    /** Empty when the conversation is missing, deleted or someone else's. */
    Optional<MessagePage> list(UserId owner, ConversationId conversation, Optional<MessageId> before, int limit);

    static int checkLimit(int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new ValidationException("limit", "must be between 1 and " + MAX_LIMIT);
        }
        return limit;
    }
}
