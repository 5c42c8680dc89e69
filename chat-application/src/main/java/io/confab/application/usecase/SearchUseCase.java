package io.confab.application.usecase;

import io.confab.domain.SearchHit;
import io.confab.domain.UserId;
import io.confab.domain.UserText;
import io.confab.domain.ValidationException;
import java.util.List;
import java.util.Objects;

/** Full-text search of a user's messages and conversation titles (SPEC §16), best match first. */
public interface SearchUseCase {

    int DEFAULT_LIMIT = 20;
    int MAX_LIMIT = 50;
    int MAX_QUERY_LENGTH = 200;

    List<SearchHit> search(Search search);

    /**
     * What to look for: {@code text} of 1 to {@value #MAX_QUERY_LENGTH} characters once stripped
     * (any text: operators and wildcards are no error), at most {@code limit} hits (1 to {@value #MAX_LIMIT}).
     */
    record Search(UserId owner, String text, int limit) {

        public Search {
            Objects.requireNonNull(owner, "owner");
            text = UserText.withoutNul("q", Objects.requireNonNull(text, "text").strip());
            if (text.isEmpty() || text.length() > MAX_QUERY_LENGTH) {
                throw new ValidationException("q", "must be 1 to " + MAX_QUERY_LENGTH + " characters");
            }
            if (limit < 1 || limit > MAX_LIMIT) {
                throw new ValidationException("limit", "must be between 1 and " + MAX_LIMIT);
            }
        }
    }
}
