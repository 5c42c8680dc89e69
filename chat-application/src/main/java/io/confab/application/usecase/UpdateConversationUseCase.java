package io.confab.application.usecase;

import io.confab.domain.Conversation;
import io.confab.domain.ConversationId;
import io.confab.domain.ConversationSettings;
import io.confab.domain.ConversationStatus;
import io.confab.domain.UserId;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** Renames a conversation or changes its status, metadata or own settings; notifies the owner's sockets. */
public interface UpdateConversationUseCase {

    /**
     * What to change; absent fields stay as they are. A blank system prompt or model, or 0
     * retention days, goes back to the server's.
     */
    record ConversationChanges(Optional<String> title, Optional<ConversationStatus> status,
                               Optional<Map<String, String>> metadata, Optional<String> systemPrompt,
                               Optional<String> model, Optional<Integer> retentionDays) {
        public ConversationChanges {
            Objects.requireNonNull(title, "title");
            Objects.requireNonNull(status, "status");
            metadata = metadata.map(Map::copyOf);
            Objects.requireNonNull(systemPrompt, "systemPrompt");
            Objects.requireNonNull(model, "model");
            Objects.requireNonNull(retentionDays, "retentionDays");
        }

        public static ConversationChanges rename(String title) {
            return new ConversationChanges(Optional.of(title), Optional.empty(), Optional.empty(), Optional.empty(),
                    Optional.empty(), Optional.empty());
        }

        /** {@code current} with these changes; empty when they change no setting. */
        public Optional<ConversationSettings> settings(ConversationSettings current) {
            if (systemPrompt.isEmpty() && model.isEmpty() && retentionDays.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(new ConversationSettings(
                    systemPrompt.isPresent() ? systemPrompt : current.systemPrompt(),
                    model.isPresent() ? model : current.model(),
                    retentionDays.isPresent() ? retentionDays.filter(days -> days != 0) : current.retentionDays()));
        }
    }

    /**
     * Applies the changes; empty when the conversation is missing, deleted or someone else's.
     *
     * @throws io.confab.domain.ValidationException when a new title is too long, a setting is out of
     *     range, or the model is not one the server allows
     */
    Optional<Conversation> update(UserId owner, ConversationId id, ConversationChanges changes);
}
