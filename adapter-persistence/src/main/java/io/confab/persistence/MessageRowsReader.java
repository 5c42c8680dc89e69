package io.confab.persistence;

import static io.confab.persistence.schema.Tables.MESSAGES;
import static io.confab.persistence.schema.Tables.TOOL_CALLS;

import io.confab.domain.ConversationId;
import io.confab.domain.Message;
import io.confab.domain.MessageId;
import io.confab.domain.MessageStatus;
import io.confab.domain.Role;
import io.confab.domain.TokenUsage;
import io.confab.domain.ToolCall;
import io.confab.domain.ToolCallStatus;
import io.confab.json.JsonValues;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.jooq.Field;

/**
 * Reads the rows of a read of messages ({@link JooqMessageRepository#MESSAGE_AND_TOOL_CALL}: a
 * message's columns, then one of its tool calls', all null without one) straight into messages
 * over JDBC, in the rows' order. A message's rows are adjacent, one per tool call in call order;
 * a row without a message (the conversation has none) is skipped. The agent's window reads fifty
 * of these per turn: through jOOQ's records they cost a copy per row and a text round trip per
 * timestamp.
 */
final class MessageRowsReader {

    private static final int ID = column(MESSAGES.ID);
    private static final int CONVERSATION_ID = column(MESSAGES.CONVERSATION_ID);
    private static final int ROLE = column(MESSAGES.ROLE);
    private static final int CONTENT = column(MESSAGES.CONTENT);
    private static final int STATUS = column(MESSAGES.STATUS);
    private static final int MODEL = column(MESSAGES.MODEL);
    private static final int PROMPT_TOKENS = column(MESSAGES.PROMPT_TOKENS);
    private static final int COMPLETION_TOKENS = column(MESSAGES.COMPLETION_TOKENS);
    private static final int METADATA = column(MESSAGES.METADATA);
    private static final int CLIENT_MESSAGE_ID = column(MESSAGES.CLIENT_MESSAGE_ID);
    private static final int IN_REPLY_TO = column(MESSAGES.IN_REPLY_TO);
    private static final int CREATED_AT = column(MESSAGES.CREATED_AT);
    private static final int FEEDBACK_RATING = column(MESSAGES.FEEDBACK_RATING);
    private static final int FEEDBACK_COMMENT = column(MESSAGES.FEEDBACK_COMMENT);
    private static final int CALL_MESSAGE_ID = column(TOOL_CALLS.MESSAGE_ID);
    private static final int CALL_ID = column(TOOL_CALLS.CALL_ID);
    private static final int TOOL = column(TOOL_CALLS.TOOL);
    private static final int ARGUMENTS = column(TOOL_CALLS.ARGUMENTS);
    private static final int RESULT = column(TOOL_CALLS.RESULT);
    private static final int CALL_STATUS = column(TOOL_CALLS.STATUS);
    private static final int DURATION_MS = column(TOOL_CALLS.DURATION_MS);

    private MessageRowsReader() {
    }

    /** The rows' messages, in their order; empty when there is no row at all (the read's conversation is not the owner's). */
    static Optional<List<Message>> read(ResultSet rows) throws SQLException {
        if (!rows.next()) {
            return Optional.empty();
        }
        List<Message> messages = new ArrayList<>();
        Message current = null;
        List<ToolCall> calls = new ArrayList<>();
        do {
            UUID id = rows.getObject(ID, UUID.class);
            if (id == null) {
                continue;
            }
            if (current == null || !current.id().value().equals(id)) {
                finish(current, calls, messages);
                current = message(rows, new MessageId(id));
                calls = new ArrayList<>();
            }
            if (rows.getObject(CALL_MESSAGE_ID, UUID.class) != null) {
                calls.add(toolCall(rows));
            }
        } while (rows.next());
        finish(current, calls, messages);
        return Optional.of(messages);
    }

    private static void finish(Message message, List<ToolCall> calls, List<Message> messages) {
        if (message == null) {
            return;
        }
        messages.add(calls.isEmpty() ? message : message.withToolCalls(calls));
    }

    /** The row's message, without its tool calls. */
    private static Message message(ResultSet row, MessageId id) throws SQLException {
        return new Message(
                id,
                new ConversationId(row.getObject(CONVERSATION_ID, UUID.class)),
                Role.valueOf(row.getString(ROLE).toUpperCase(Locale.ROOT)),
                row.getString(CONTENT),
                MessageStatus.fromWire(row.getString(STATUS)),
                List.of(),
                Optional.ofNullable(row.getString(MODEL)),
                new TokenUsage(row.getLong(PROMPT_TOKENS), row.getLong(COMPLETION_TOKENS)),
                JsonColumns.readObject(row.getString(METADATA)),
                Optional.ofNullable(row.getString(CLIENT_MESSAGE_ID)),
                Optional.ofNullable(row.getObject(IN_REPLY_TO, UUID.class)).map(MessageId::new),
                row.getObject(CREATED_AT, OffsetDateTime.class).toInstant(),
                MessageRows.feedback(row.getString(FEEDBACK_RATING), row.getString(FEEDBACK_COMMENT)));
    }

    private static ToolCall toolCall(ResultSet row) throws SQLException {
        return new ToolCall(
                row.getString(CALL_ID),
                row.getString(TOOL),
                JsonValues.parse(row.getString(ARGUMENTS)),
                JsonValues.parse(row.getString(RESULT)),
                ToolCallStatus.fromWire(row.getString(CALL_STATUS)),
                Duration.ofMillis(row.getLong(DURATION_MS)));
    }

    /** The field's JDBC column index in {@link JooqMessageRepository#MESSAGE_AND_TOOL_CALL}. */
    private static int column(Field<?> field) {
        List<Field<?>> columns = List.of(JooqMessageRepository.MESSAGE_AND_TOOL_CALL);
        int index = columns.indexOf(field);
        if (index < 0) {
            throw new IllegalStateException(field + " is not a column of a message read");
        }
        return index + 1;
    }
}
