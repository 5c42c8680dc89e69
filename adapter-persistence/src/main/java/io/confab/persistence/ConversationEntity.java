package io.confab.persistence;

import io.confab.domain.Conversation;
import io.confab.domain.ConversationId;
import io.confab.domain.ConversationSettings;
import io.confab.domain.ConversationStatus;
import io.confab.domain.ExternalId;
import io.confab.domain.UserId;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** JPA mapping of a row of {@code conversations}. */
@Entity(name = "Conversation")
@Table(name = "conversations")
class ConversationEntity {

    @Id
    @Column(name = "id")
    private UUID id;

    @Column(name = "owner", nullable = false)
    private String owner;

    @Column(name = "title", nullable = false)
    private String title;

    @Column(name = "status", nullable = false)
    private String status;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "metadata", nullable = false)
    private String metadata;

    @Column(name = "external_id")
    private String externalId;

    @Column(name = "system_prompt")
    private String systemPrompt;

    @Column(name = "model")
    private String model;

    @Column(name = "retention_days")
    private Integer retentionDays;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(name = "deleted_at")
    private Instant deletedAt;

    @Column(name = "message_count", nullable = false)
    private int messageCount;

    @Column(name = "tokens_used", nullable = false)
    private long tokensUsed;

    protected ConversationEntity() {
    }

    static ConversationEntity from(Conversation conversation) {
        ConversationEntity entity = new ConversationEntity();
        entity.id = conversation.id().value();
        entity.owner = conversation.owner().value();
        entity.externalId = conversation.externalId().map(ExternalId::value).orElse(null);
        entity.createdAt = conversation.createdAt();
        entity.deletedAt = conversation.deletedAt().orElse(null);
        entity.messageCount = conversation.messageCount();
        entity.tokensUsed = conversation.tokensUsed();
        entity.apply(conversation);
        return entity;
    }

    /** Takes over what an owner may change: title, status, metadata, settings, and updated_at. */
    void apply(Conversation conversation) {
        title = conversation.title();
        status = conversation.status().wireName();
        metadata = JsonColumns.writeMetadata(conversation.metadata());
        systemPrompt = conversation.settings().systemPrompt().orElse(null);
        model = conversation.settings().model().orElse(null);
        retentionDays = conversation.settings().retentionDays().orElse(null);
        updatedAt = conversation.updatedAt();
    }

    Conversation toDomain() {
        return new Conversation(new ConversationId(id), new UserId(owner), title, ConversationStatus.fromWire(status),
                JsonColumns.readMetadata(metadata), Optional.ofNullable(externalId).map(ExternalId::new),
                new ConversationSettings(Optional.ofNullable(systemPrompt), Optional.ofNullable(model),
                        Optional.ofNullable(retentionDays)),
                createdAt, updatedAt, Optional.ofNullable(deletedAt),
                messageCount, tokensUsed);
    }
}
