package io.confab.domain;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A conversation owned by one user, optionally named by the caller's {@link ExternalId}, with its
 * own {@link ConversationSettings}. Counters ({@code messageCount}, {@code tokensUsed}) are
 * maintained by the message store when messages are appended.
 */
public record Conversation(
        ConversationId id,
        UserId owner,
        String title,
        ConversationStatus status,
        Map<String, String> metadata,
        Optional<ExternalId> externalId,
        ConversationSettings settings,
        Instant createdAt,
        Instant updatedAt,
        Optional<Instant> deletedAt,
        int messageCount,
        long tokensUsed) {

    public static final int MAX_TITLE_LENGTH = 500;
    public static final int MAX_METADATA_ENTRIES = 50;

    public Conversation {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(owner, "owner");
        title = checkTitle(title);
        Objects.requireNonNull(status, "status");
        metadata = checkMetadata(metadata);
        Objects.requireNonNull(externalId, "externalId");
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        Objects.requireNonNull(deletedAt, "deletedAt");
        if (messageCount < 0 || tokensUsed < 0) {
            throw new IllegalArgumentException("counters must not be negative");
        }
    }

    /** A new, empty, active conversation. */
    public static Conversation start(ConversationId id, UserId owner, String title, Instant now) {
        return start(id, owner, title, Map.of(), Optional.empty(), now);
    }

    /** A new, empty, active conversation with the caller's metadata and name for it. */
    public static Conversation start(ConversationId id, UserId owner, String title, Map<String, String> metadata,
                                     Optional<ExternalId> externalId, Instant now) {
        return new Conversation(id, owner, title, ConversationStatus.ACTIVE, metadata, externalId,
                ConversationSettings.DEFAULTS, now, now, Optional.empty(), 0, 0);
    }

    public static String checkTitle(String title) {
        String value = title == null ? "" : title.strip();
        if (value.length() > MAX_TITLE_LENGTH) {
            throw new ValidationException("title", "must be at most " + MAX_TITLE_LENGTH + " characters");
        }
        return UserText.withoutNul("title", value);
    }

    private static Map<String, String> checkMetadata(Map<String, String> metadata) {
        Map<String, String> value = metadata == null ? Map.of() : Map.copyOf(metadata);
        if (value.size() > MAX_METADATA_ENTRIES) {
            throw new ValidationException("metadata", "must have at most " + MAX_METADATA_ENTRIES + " entries");
        }
        value.forEach((key, text) -> {
            UserText.withoutNul("metadata", key);
            UserText.withoutNul("metadata", text);
        });
        return value;
    }

    public boolean isDeleted() {
        return deletedAt.isPresent();
    }

    public boolean hasTitle() {
        return !title.isEmpty();
    }

    /** This conversation with the counters of exactly {@code messages}: their number and their tokens. */
    public Conversation countingOnly(List<Message> messages) {
        return new Conversation(id, owner, title, status, metadata, externalId, settings, createdAt, updatedAt, deletedAt,
                messages.size(), messages.stream().mapToLong(message -> message.usage().total()).sum());
    }

    public Conversation withTitle(String newTitle, Instant now) {
        return new Conversation(id, owner, newTitle, status, metadata, externalId, settings, createdAt, now, deletedAt,
                messageCount, tokensUsed);
    }

    public Conversation withStatus(ConversationStatus newStatus, Instant now) {
        return new Conversation(id, owner, title, newStatus, metadata, externalId, settings, createdAt, now, deletedAt,
                messageCount, tokensUsed);
    }

    public Conversation withSettings(ConversationSettings newSettings, Instant now) {
        return new Conversation(id, owner, title, status, metadata, externalId, newSettings, createdAt, now, deletedAt,
                messageCount, tokensUsed);
    }

    public Conversation withMetadata(Map<String, String> newMetadata, Instant now) {
        return new Conversation(id, owner, title, status, newMetadata, externalId, settings, createdAt, now, deletedAt,
                messageCount, tokensUsed);
    }
}
