package io.confab.domain.port;

import io.confab.domain.ConversationStatus;
import io.confab.domain.UserText;
import io.confab.domain.ValidationException;
import java.util.Objects;
import java.util.Optional;

/** Which page of a user's conversations to list: offset/limit, optional status and title text. */
public record ConversationQuery(int offset, int limit, Optional<ConversationStatus> status, Optional<String> text) {

    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_LIMIT = 100;

    public ConversationQuery {
        if (offset < 0) {
            throw new ValidationException("offset", "must be 0 or more");
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new ValidationException("limit", "must be between 1 and " + MAX_LIMIT);
        }
        Objects.requireNonNull(status, "status");
        text = text.map(String::strip).filter(t -> !t.isEmpty()).map(t -> UserText.withoutNul("q", t));
    }

    public static ConversationQuery firstPage() {
        return new ConversationQuery(0, DEFAULT_LIMIT, Optional.empty(), Optional.empty());
    }
}
