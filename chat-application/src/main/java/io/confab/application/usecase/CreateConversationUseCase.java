package io.confab.application.usecase;

import io.confab.domain.Conversation;
import io.confab.domain.ExternalId;
import io.confab.domain.UserId;
import java.util.Map;
import java.util.Optional;

/** Starts a new, empty conversation for a user, or finds the one the caller already named. */
public interface CreateConversationUseCase {

    /** What the caller asks for: a title, metadata, and optionally its own name for the conversation. */
    record NewConversation(String title, Map<String, String> metadata, Optional<ExternalId> externalId) {

        public NewConversation {
            metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
            externalId = externalId == null ? Optional.empty() : externalId;
        }

        public static NewConversation titled(String title) {
            return new NewConversation(title, Map.of(), Optional.empty());
        }
    }

    /** What a create did. */
    sealed interface Creation {

        Conversation conversation();

        /** A new conversation was stored. */
        record Created(Conversation conversation) implements Creation {
        }

        /** The caller already has a live conversation with that external id: it, unchanged. */
        record Existing(Conversation conversation) implements Creation {
        }
    }

    /**
     * Creates the conversation, or answers the caller's live one with the same external id (the
     * title and metadata given are then ignored). Concurrent calls with one external id create one.
     *
     * @throws io.confab.domain.ValidationException when the title or metadata is invalid
     */
    Creation create(UserId owner, NewConversation request);

    /** @throws io.confab.domain.ValidationException when the title is too long */
    default Conversation create(UserId owner, String title) {
        return create(owner, NewConversation.titled(title)).conversation();
    }
}
