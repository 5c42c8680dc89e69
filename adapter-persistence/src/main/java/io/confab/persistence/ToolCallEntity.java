package io.confab.persistence;

import io.confab.domain.Message;
import io.confab.domain.ToolCall;
import io.confab.domain.ToolCallStatus;
import io.confab.json.JsonValues;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** JPA mapping of a row of {@code tool_calls}: one call of an assistant message, by position. */
@Entity(name = "ToolCall")
@Table(name = "tool_calls")
class ToolCallEntity {

    /** (message, position): the calls of a message in the order the turn made them. */
    @Embeddable
    record Key(@Column(name = "message_id") UUID messageId, @Column(name = "position") int position) {
    }

    @EmbeddedId
    private Key key;

    @Column(name = "call_id", nullable = false)
    private String callId;

    @Column(name = "tool", nullable = false)
    private String tool;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "arguments", nullable = false)
    private String arguments;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "result", nullable = false)
    private String result;

    @Column(name = "status", nullable = false)
    private String status;

    @Column(name = "duration_ms", nullable = false)
    private long durationMs;

    protected ToolCallEntity() {
    }

    static List<ToolCallEntity> from(Message message) {
        List<ToolCallEntity> entities = new ArrayList<>(message.toolCalls().size());
        for (ToolCall call : message.toolCalls()) {
            ToolCallEntity entity = new ToolCallEntity();
            entity.key = new Key(message.id().value(), entities.size());
            entity.callId = call.id();
            entity.tool = call.tool();
            entity.arguments = JsonValues.write(call.arguments());
            entity.result = JsonValues.write(call.result());
            entity.status = call.status().wireName();
            entity.durationMs = call.duration().toMillis();
            entities.add(entity);
        }
        return entities;
    }

    UUID messageId() {
        return key.messageId();
    }

    ToolCall toDomain() {
        return new ToolCall(callId, tool, JsonValues.parse(arguments), JsonValues.parse(result),
                ToolCallStatus.fromWire(status), Duration.ofMillis(durationMs));
    }
}
