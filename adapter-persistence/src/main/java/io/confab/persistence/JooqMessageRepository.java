package io.confab.persistence;

import static io.confab.persistence.schema.Tables.CONVERSATIONS;
import static io.confab.persistence.schema.Tables.MESSAGES;
import static io.confab.persistence.schema.Tables.TOOL_CALLS;

import io.confab.domain.ConversationId;
import io.confab.domain.Message;
import io.confab.domain.MessageId;
import io.confab.domain.MessagePage;
import io.confab.domain.ToolCall;
import io.confab.domain.UserId;
import io.confab.domain.port.AppendResult;
import io.confab.domain.port.MessageRepository;
import io.confab.persistence.schema.tables.Messages;
import io.confab.persistence.schema.tables.records.ConversationsRecord;
import io.confab.persistence.schema.tables.records.MessagesRecord;
import io.confab.persistence.schema.tables.records.ToolCallsRecord;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;
import java.util.stream.Collectors;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Param;
import org.jooq.SQLDialect;
import org.jooq.SortField;
import org.jooq.Table;
import org.jooq.impl.DSL;

/**
 * Messages and their tool calls. Reads join the conversation to check owner and soft delete, walk
 * the (conversation_id, created_at, id) index newest first, and load the tool calls of all the
 * messages read in one more query. An append counts first: the counter update checks owner and
 * soft delete and locks the conversation row, so appends to one conversation queue up and a
 * repeated client_message_id meets the unique key.
 */
final class JooqMessageRepository implements MessageRepository {

    /** H2's (conversation_id, created_at DESC, id DESC) index, from db/migration/h2. */
    private static final String H2_WINDOW_INDEX = "messages_window_idx";

    private final DSLContext dsl;
    private final Optional<PostgresAppend> oneStatementAppend;
    private final Map<Selection, RenderedQuery<MessagesRecord>> newestFirst;
    /** The tool calls of {@code n} messages, in call order, by {@code n}: one rendered query per page size in use. */
    private final Map<Integer, RenderedQuery<ToolCallsRecord>> toolCallsOf = new ConcurrentHashMap<>();

    /**
     * On PostgreSQL an append is one statement ({@link PostgresAppend}); elsewhere it is a
     * transaction of two or three statements.
     */
    JooqMessageRepository(DSLContext dsl) {
        this.dsl = dsl;
        this.newestFirst = newestFirstQueries(dsl);
        this.oneStatementAppend = dsl.dialect().family() == SQLDialect.POSTGRES
                ? Optional.of(new PostgresAppend(dsl)) : Optional.empty();
    }

    @Override
    public AppendResult append(UserId owner, Message message) {
        return SqlFailures.appendOrDuplicate(message,
                () -> oneStatementAppend.isPresent() ? oneStatementAppend.get().append(owner, message)
                        : dsl.transactionResult(transaction -> appendIn(transaction.dsl(), owner, message)),
                key -> findByClientMessageId(owner, message.conversationId(), key));
    }

    private static AppendResult appendIn(DSLContext transaction, UserId owner, Message message) {
        Optional<ConversationsRecord> counted = transaction.update(CONVERSATIONS)
                .set(CONVERSATIONS.MESSAGE_COUNT, CONVERSATIONS.MESSAGE_COUNT.plus(1))
                .set(CONVERSATIONS.TOKENS_USED, CONVERSATIONS.TOKENS_USED.plus(message.usage().total()))
                .set(CONVERSATIONS.UPDATED_AT, message.createdAt())
                .where(JooqConversationRepository.live(owner))
                .and(CONVERSATIONS.ID.eq(message.conversationId().value()))
                .returning()
                .fetchOptional();
        if (counted.isEmpty()) {
            return new AppendResult.ConversationMissing();
        }
        transaction.insertInto(MESSAGES)
                .set(MessageRows.toRecord(message))
                .execute();
        List<ToolCallsRecord> toolCalls = MessageRows.toolCallRecords(message);
        if (!toolCalls.isEmpty()) {
            transaction.insertInto(TOOL_CALLS)
                    .columns(TOOL_CALLS.fields())
                    .valuesOfRecords(toolCalls)
                    .execute();
        }
        return new AppendResult.Appended(message, JooqConversationRepository.toDomain(counted.get()));
    }

    @Override
    public MessagePage page(UserId owner, ConversationId conversation, Optional<MessageId> before, int limit) {
        List<MessagesRecord> rows = before
                .map(id -> newestFirst(owner, conversation, Selection.OLDER_THAN, "before", id.value(), limit + 1))
                .orElseGet(() -> newestFirst(owner, conversation, Selection.ALL, null, null, limit + 1));
        boolean hasMore = rows.size() > limit;
        return new MessagePage(oldestFirst(rows.subList(0, Math.min(limit, rows.size()))), hasMore);
    }

    @Override
    public List<Message> latest(UserId owner, ConversationId conversation, int limit) {
        return oldestFirst(newestFirst(owner, conversation, Selection.ALL, null, null, limit));
    }

    @Override
    public Optional<Message> findByClientMessageId(UserId owner, ConversationId conversation, String clientMessageId) {
        return one(newestFirst(owner, conversation, Selection.CLIENT_MESSAGE_ID, "client_message_id", clientMessageId, 1));
    }

    @Override
    public Optional<Message> findReply(UserId owner, ConversationId conversation, MessageId userMessage) {
        return one(newestFirst(owner, conversation, Selection.IN_REPLY_TO, "in_reply_to", userMessage.value(), 1));
    }

    private Optional<Message> one(List<MessagesRecord> rows) {
        return rows.stream()
                .findFirst()
                .map(row -> withToolCalls(List.of(row)).get(0));
    }

    /**
     * At most {@code count} of the owner's live conversation's messages of the selection, newest
     * first; {@code name} and {@code value} are the selection's own parameter, if it has one.
     */
    private List<MessagesRecord> newestFirst(UserId owner, ConversationId conversation, Selection selection,
                                             String name, Object value, int count) {
        if (count < 1) {
            return List.of();
        }
        Map<String, Object> values = new HashMap<>();
        values.put("owner", owner.value());
        values.put("conversation", conversation.value());
        values.put("anchor_conversation", conversation.value());
        values.put("limit", count);
        if (name != null) {
            values.put(name, value);
        }
        return newestFirst.get(selection).fetch(values);
    }

    private RenderedQuery<ToolCallsRecord> toolCallsQuery(int messages) {
        List<Param<UUID>> ids = IntStream.range(0, messages).mapToObj(i -> DSL.param("id" + i, TOOL_CALLS.MESSAGE_ID)).toList();
        return new RenderedQuery<>(dsl, TOOL_CALLS, sql -> sql.selectFrom(TOOL_CALLS)
                .where(TOOL_CALLS.MESSAGE_ID.in(ids))
                .orderBy(TOOL_CALLS.MESSAGE_ID, TOOL_CALLS.POSITION));
    }

    /**
     * The reads of messages newest first, one rendered query per kind of selection. On H2 they
     * name the window index and sort like it (the conversation id is fixed, so the order is the
     * same): H2's planner would otherwise read and sort the whole conversation.
     */
    private static Map<Selection, RenderedQuery<MessagesRecord>> newestFirstQueries(DSLContext dsl) {
        Map<Selection, RenderedQuery<MessagesRecord>> queries = new EnumMap<>(Selection.class);
        boolean h2 = dsl.dialect().family() == SQLDialect.H2;
        Table<MessagesRecord> messages = h2 ? MESSAGES.useIndex(H2_WINDOW_INDEX) : MESSAGES;
        List<SortField<?>> newestFirst = h2
                ? List.of(MESSAGES.CONVERSATION_ID.asc(), MESSAGES.CREATED_AT.desc(), MESSAGES.ID.desc())
                : List.of(MESSAGES.CREATED_AT.desc(), MESSAGES.ID.desc());
        for (Selection selection : Selection.values()) {
            queries.put(selection, new RenderedQuery<>(dsl, MESSAGES, sql -> sql.select(MESSAGES.fields())
                    .from(messages)
                    .join(CONVERSATIONS).on(CONVERSATIONS.ID.eq(MESSAGES.CONVERSATION_ID))
                    .where(MESSAGES.CONVERSATION_ID.eq(DSL.param("conversation", MESSAGES.CONVERSATION_ID)))
                    .and(JooqConversationRepository.live(DSL.param("owner", CONVERSATIONS.OWNER)))
                    .and(selection.condition())
                    .orderBy(newestFirst)
                    .limit(DSL.param("limit", Integer.class))));
        }
        return queries;
    }

    /** Which of a conversation's messages a read takes, and the parameter it adds. */
    private enum Selection {
        ALL, OLDER_THAN, CLIENT_MESSAGE_ID, IN_REPLY_TO;

        Condition condition() {
            return switch (this) {
                case ALL -> DSL.noCondition();
                case OLDER_THAN -> olderThan();
                case CLIENT_MESSAGE_ID -> MESSAGES.CLIENT_MESSAGE_ID.eq(DSL.param("client_message_id", MESSAGES.CLIENT_MESSAGE_ID));
                case IN_REPLY_TO -> MESSAGES.IN_REPLY_TO.eq(DSL.param("in_reply_to", MESSAGES.IN_REPLY_TO));
            };
        }

        /**
         * Keyset condition: messages that sort before the {@code before} message of the same
         * conversation (its own parameter, so the subquery runs once rather than per row).
         */
        private static Condition olderThan() {
            Messages anchor = MESSAGES.as("anchor");
            return DSL.row(MESSAGES.CREATED_AT, MESSAGES.ID).lt(
                    DSL.select(anchor.CREATED_AT, anchor.ID)
                            .from(anchor)
                            .where(anchor.ID.eq(DSL.param("before", anchor.ID)))
                            .and(anchor.CONVERSATION_ID.eq(DSL.param("anchor_conversation", anchor.CONVERSATION_ID))));
        }
    }

    private List<Message> oldestFirst(List<MessagesRecord> newestFirst) {
        return withToolCalls(newestFirst).reversed();
    }

    /**
     * Attaches the tool calls of all the given messages, read in one query. The rows were read
     * with the owner check, so their ids are the owner's.
     */
    private List<Message> withToolCalls(List<MessagesRecord> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<String, Object> ids = new HashMap<>();
        for (MessagesRecord row : rows) {
            ids.put("id" + ids.size(), row.getId());
        }
        Map<UUID, List<ToolCall>> toolCalls = toolCallsOf.computeIfAbsent(rows.size(), this::toolCallsQuery).fetch(ids).stream()
                .collect(Collectors.groupingBy(ToolCallsRecord::getMessageId, Collectors.mapping(MessageRows::toToolCall,
                        Collectors.toList())));
        return rows.stream()
                .map(row -> MessageRows.toDomain(row, toolCalls.getOrDefault(row.getId(), List.of())))
                .toList();
    }
}
