package io.confab.application.usecase;

import io.confab.domain.Conversation;
import io.confab.domain.ConversationId;
import io.confab.domain.ConversationStatus;
import io.confab.domain.UserId;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** Renames a conversation or changes its status or metadata; notifies the owner's sockets. */
public interface UpdateConversationUseCase {

    /** What to change; absent fields stay as they are. */
    record ConversationChanges(Optional<String> title, Optional<ConversationStatus> status,
                               Optional<Map<String, String>> metadata) {
        public ConversationChanges {
            Objects.requireNonNull(title, "title");
            Objects.requireNonNull(status, "status");
            metadata = metadata.map(Map::copyOf);
        }

        public static ConversationChanges rename(String title) {
            return new ConversationChanges(Optional.of(title), Optional.empty(), Optional.empty());
        }
    }

    /**
     * Applies the changes; empty when the conversation is missing, deleted or someone else's.
     *
     * @throws io.confab.domain.ValidationException when a new title is too long
     */
    Optional<Conversation> update(UserId owner, ConversationId id, ConversationChanges changes);
}
