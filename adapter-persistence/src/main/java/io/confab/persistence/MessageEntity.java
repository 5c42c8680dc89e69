package io.confab.persistence;

import io.confab.domain.ConversationId;
import io.confab.domain.Feedback;
import io.confab.domain.Message;
import io.confab.domain.MessageId;
import io.confab.domain.MessageStatus;
import io.confab.domain.Role;
import io.confab.domain.TokenUsage;
import io.confab.domain.ToolCall;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * JPA mapping of a row of {@code messages}. Tool calls are separate entities loaded per page in
 * one query, not a mapped collection (which would load lazily, one query per message).
 */
@Entity(name = "Message")
@Table(name = "messages")
class MessageEntity {

    @Id
    @Column(name = "id")
    private UUID id;

    @Column(name = "conversation_id", nullable = false)
    private UUID conversationId;

    @Column(name = "role", nullable = false)
    private String role;

    @Column(name = "content", nullable = false)
    private String content;

    @Column(name = "status", nullable = false)
    private String status;

    @Column(name = "model")
    private String model;

    @Column(name = "prompt_tokens", nullable = false)
    private long promptTokens;

    @Column(name = "completion_tokens", nullable = false)
    private long completionTokens;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "metadata", nullable = false)
    private String metadata;

    @Column(name = "client_message_id")
    private String clientMessageId;

    @Column(name = "in_reply_to")
    private UUID inReplyTo;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "feedback_rating")
    private String feedbackRating;

    @Column(name = "feedback_comment")
    private String feedbackComment;

    protected MessageEntity() {
    }

    static MessageEntity from(Message message) {
        MessageEntity entity = new MessageEntity();
        entity.id = message.id().value();
        entity.conversationId = message.conversationId().value();
        entity.role = message.role().wireName();
        entity.content = message.content();
        entity.status = message.status().wireName();
        entity.model = message.model().orElse(null);
        entity.promptTokens = message.usage().promptTokens();
        entity.completionTokens = message.usage().completionTokens();
        entity.metadata = JsonColumns.writeObject(message.metadata());
        entity.clientMessageId = message.clientMessageId().orElse(null);
        entity.inReplyTo = message.inReplyTo().map(MessageId::value).orElse(null);
        entity.createdAt = message.createdAt();
        entity.feedbackRating = message.feedback().map(feedback -> feedback.rating().wireName()).orElse(null);
        entity.feedbackComment = message.feedback().flatMap(Feedback::comment).orElse(null);
        return entity;
    }

    UUID id() {
        return id;
    }

    Message toDomain(List<ToolCall> toolCalls) {
        return new Message(new MessageId(id), new ConversationId(conversationId),
                Role.valueOf(role.toUpperCase(Locale.ROOT)), content, MessageStatus.fromWire(status), toolCalls,
                Optional.ofNullable(model), new TokenUsage(promptTokens, completionTokens),
                JsonColumns.readObject(metadata), Optional.ofNullable(clientMessageId),
                Optional.ofNullable(inReplyTo).map(MessageId::new), createdAt,
                MessageRows.feedback(feedbackRating, feedbackComment));
    }
}
