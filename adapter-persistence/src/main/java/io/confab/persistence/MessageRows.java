package io.confab.persistence;

import io.confab.domain.Feedback;
import io.confab.domain.Message;
import io.confab.domain.MessageId;
import io.confab.domain.ToolCall;
import io.confab.json.JsonValues;
import io.confab.persistence.schema.tables.records.MessagesRecord;
import io.confab.persistence.schema.tables.records.ToolCallsRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jooq.JSONB;

/** Maps messages and their tool calls to jOOQ records (reads: {@link MessageRowsReader}). */
final class MessageRows {

    private MessageRows() {
    }

    static MessagesRecord toRecord(Message message) {
        return new MessagesRecord(
                message.id().value(),
                message.conversationId().value(),
                message.role().wireName(),
                message.content(),
                message.status().wireName(),
                message.model().orElse(null),
                message.usage().promptTokens(),
                message.usage().completionTokens(),
                JSONB.valueOf(JsonColumns.writeObject(message.metadata())),
                message.clientMessageId().orElse(null),
                message.inReplyTo().map(MessageId::value).orElse(null),
                message.createdAt(),
                message.feedback().map(feedback -> feedback.rating().wireName()).orElse(null),
                message.feedback().flatMap(Feedback::comment).orElse(null));
    }

    /** The message's tool calls, numbered in the order the turn made them. */
    static List<ToolCallsRecord> toolCallRecords(Message message) {
        List<ToolCallsRecord> records = new ArrayList<>(message.toolCalls().size());
        for (ToolCall call : message.toolCalls()) {
            records.add(new ToolCallsRecord(
                    message.id().value(),
                    records.size(),
                    call.id(),
                    call.tool(),
                    JSONB.valueOf(JsonValues.write(call.arguments())),
                    JSONB.valueOf(JsonValues.write(call.result())),
                    call.status().wireName(),
                    call.duration().toMillis()));
        }
        return records;
    }

    /** The stored feedback columns as the message's feedback (none without a rating). */
    static Optional<Feedback> feedback(String rating, String comment) {
        return Optional.ofNullable(rating)
                .map(stored -> new Feedback(Feedback.Rating.fromWire(stored), Optional.ofNullable(comment)));
    }
}
