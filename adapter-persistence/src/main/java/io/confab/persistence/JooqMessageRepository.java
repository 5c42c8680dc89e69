package io.confab.persistence;

import static io.confab.persistence.schema.Tables.CONVERSATIONS;
import static io.confab.persistence.schema.Tables.MESSAGES;
import static io.confab.persistence.schema.Tables.TOOL_CALLS;

import io.confab.domain.Conversation;
import io.confab.domain.ConversationId;
import io.confab.domain.Feedback;
import io.confab.domain.Message;
import io.confab.domain.MessageId;
import io.confab.domain.MessagePage;
import io.confab.domain.MessagePreview;
import io.confab.domain.Role;
import io.confab.domain.SearchHit;
import io.confab.domain.UserId;
import io.confab.domain.port.AppendResult;
import io.confab.domain.port.MessageRepository;
import io.confab.domain.port.RetentionPolicy;
import io.confab.domain.port.TurnJournal;
import io.confab.domain.port.TurnLeases;
import io.confab.persistence.schema.tables.Messages;
import io.confab.persistence.schema.tables.records.ConversationsRecord;
import io.confab.persistence.schema.tables.records.MessagesRecord;
import io.confab.persistence.schema.tables.records.ToolCallsRecord;
import java.time.Instant;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.ResultQuery;
import org.jooq.SQLDialect;
import org.jooq.SortField;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * Messages and their tool calls. A read is one statement: the owner's live conversation left
 * joined with the messages it selects (walking the (conversation_id, created_at, id) index newest
 * first, limited: a derived table), left joined with their tool calls, a row per call or one for
 * a message without any — so it tells a conversation that is not the owner's from one without
 * such messages. An append counts first: the counter update checks owner and
 * soft delete and locks the conversation row, so appends to one conversation queue up and a
 * repeated client_message_id meets the unique key.
 */
final class JooqMessageRepository implements MessageRepository {

    /** H2's (conversation_id, created_at DESC, id DESC) index, from db/migration/h2. */
    static final String H2_WINDOW_INDEX = "messages_window_idx";
    /** The columns a read returns, by position: the message's, then one of its tool calls' (all null if none). */
    static final Field<?>[] MESSAGE_AND_TOOL_CALL = Stream.of(MESSAGES.fields(), TOOL_CALLS.fields())
            .flatMap(Stream::of)
            .toArray(Field<?>[]::new);

    /** How many conversations one transaction of {@link #eraseOwner} erases. */
    static final int ERASE_BATCH = 100;
    /** Rows per multi-row insert of {@link #insertAll}: well under PostgreSQL's 65,535 bind parameters. */
    private static final int INSERT_BATCH = 500;

    private final DSLContext dsl;
    private final Optional<PostgresAppend> oneStatementAppend;
    private final Map<Selection, RenderedQuery<Record>> newestFirst;
    private final RenderedQuery<Record> lastMessagesQuery;
    private final JooqMessageSearch search;

    /**
     * On PostgreSQL an append is one statement ({@link PostgresAppend}); elsewhere it is a
     * transaction of two or three statements.
     */
    JooqMessageRepository(DSLContext dsl) {
        this.dsl = dsl;
        this.newestFirst = newestFirstQueries(dsl);
        this.lastMessagesQuery = lastMessagesQuery(dsl);
        this.search = new JooqMessageSearch(dsl);
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

    /**
     * On PostgreSQL, over the leases of the same stores, each of a turn's writes is one statement
     * ({@link PostgresTurnJournal}); elsewhere the appends, claims and releases follow one another.
     */
    @Override
    public TurnJournal journal(TurnLeases leases) {
        if (oneStatementAppend.isPresent() && leases instanceof JooqTurnLeases own && own.uses(dsl)) {
            return new PostgresTurnJournal(oneStatementAppend.get(), own, this);
        }
        return MessageRepository.super.journal(leases);
    }

    /** True when this store runs on {@code other}: the same database (and jOOQ configuration). */
    boolean uses(DSLContext other) {
        return dsl == other;
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
    public Optional<MessagePage> page(UserId owner, ConversationId conversation, Optional<MessageId> before, int limit) {
        return before
                .map(id -> newestFirst(owner, conversation, Selection.OLDER_THAN, id.value(), limit + 1))
                .orElseGet(() -> newestFirst(owner, conversation, Selection.ALL, null, limit + 1))
                .map(newest -> new MessagePage(newest.subList(0, Math.min(limit, newest.size())).reversed(),
                        newest.size() > limit));
    }

    @Override
    public Optional<List<Message>> latest(UserId owner, ConversationId conversation, int limit) {
        return newestFirst(owner, conversation, Selection.ALL, null, limit).map(List::reversed);
    }

    @Override
    public Optional<Message> findByClientMessageId(UserId owner, ConversationId conversation, String clientMessageId) {
        return newestFirst(owner, conversation, Selection.CLIENT_MESSAGE_ID, clientMessageId, 1)
                .flatMap(found -> found.stream().findFirst());
    }

    @Override
    public List<Message> replies(UserId owner, ConversationId conversation, MessageId userMessage, int limit) {
        return newestFirst(owner, conversation, Selection.IN_REPLY_TO, userMessage.value(), limit).orElse(List.of());
    }

    /**
     * One statement for the page: the id of each listed conversation's newest message (a scalar
     * subquery walking the history index backwards, one row each), then those messages with only
     * the start of their content. The conversations are checked for owner and soft delete.
     */
    @Override
    public Map<ConversationId, MessagePreview> lastMessages(UserId owner, Collection<ConversationId> conversations) {
        if (conversations.isEmpty()) {
            return Map.of();
        }
        UUID[] ids = conversations.stream().map(ConversationId::value).toArray(UUID[]::new);
        return lastMessagesQuery.fetch(Map.of("owner", owner.value(), "ids", ids)).stream()
                .flatMap(row -> NewestMessages.preview(new ConversationId(row.get(MESSAGES.CONVERSATION_ID)), row).stream())
                .collect(Collectors.toMap(MessagePreview::conversationId, last -> last));
    }

    /**
     * The statement of {@link #lastMessages}, rendered once: the listed conversations come as one
     * array parameter ({@code = any(:ids)}) instead of a list of values of varying length (a template:
     * jOOQ's own {@code any} of a parameter without a value renders as {@code false}).
     */
    private static RenderedQuery<Record> lastMessagesQuery(DSLContext dsl) {
        Field<?>[] fields = Stream.concat(Stream.of(MESSAGES.CONVERSATION_ID), Stream.of(NewestMessages.COLUMNS))
                .toArray(Field<?>[]::new);
        return RenderedQuery.rows(dsl, fields, sql -> {
            Messages newest = MESSAGES.as("newest");
            boolean h2 = sql.dialect().family() == SQLDialect.H2;
            Field<UUID> newestId = DSL.field(DSL.select(newest.ID)
                    .from(h2 ? newest.useIndex(H2_WINDOW_INDEX) : newest)
                    .where(newest.CONVERSATION_ID.eq(CONVERSATIONS.ID))
                    .orderBy(newestFirst(newest, h2))
                    .limit(DSL.inline(1)));
            return sql.select(fields)
                    .from(MESSAGES)
                    .where(MESSAGES.ID.in(DSL.select(newestId)
                            .from(CONVERSATIONS)
                            .where(JooqConversationRepository.live(DSL.param("owner", CONVERSATIONS.OWNER)))
                            .and(DSL.condition("{0} = any({1})", CONVERSATIONS.ID, DSL.param("ids", SQLDataType.UUID.array())))));
        });
    }

    @Override
    public Optional<Message> find(UserId owner, ConversationId conversation, MessageId id) {
        return newestFirst(owner, conversation, Selection.ID, id.value(), 1)
                .flatMap(found -> found.stream().findFirst());
    }

    @Override
    public boolean saveFeedback(UserId owner, ConversationId conversation, MessageId id, Feedback feedback) {
        return dsl.update(MESSAGES)
                .set(MESSAGES.FEEDBACK_RATING, feedback.rating().wireName())
                .set(MESSAGES.FEEDBACK_COMMENT, feedback.comment().orElse(null))
                .where(MESSAGES.ID.eq(id.value()))
                .and(MESSAGES.CONVERSATION_ID.eq(conversation.value()))
                .andExists(DSL.selectOne()
                        .from(CONVERSATIONS)
                        .where(CONVERSATIONS.ID.eq(conversation.value()))
                        .and(JooqConversationRepository.live(owner)))
                .execute() > 0;
    }

    @Override
    public Conversation insertAll(Conversation conversation, List<Message> messages) {
        Conversation counted = conversation.countingOnly(messages);
        dsl.transaction(transaction -> {
            DSLContext sql = transaction.dsl();
            JooqConversationRepository.insertIn(sql, counted);
            List<MessagesRecord> rows = messages.stream().map(MessageRows::toRecord).toList();
            for (int from = 0; from < rows.size(); from += INSERT_BATCH) {
                sql.insertInto(MESSAGES).columns(MESSAGES.fields())
                        .valuesOfRecords(rows.subList(from, Math.min(rows.size(), from + INSERT_BATCH)))
                        .execute();
            }
            List<ToolCallsRecord> toolCalls = messages.stream().flatMap(m -> MessageRows.toolCallRecords(m).stream()).toList();
            for (int from = 0; from < toolCalls.size(); from += INSERT_BATCH) {
                sql.insertInto(TOOL_CALLS).columns(TOOL_CALLS.fields())
                        .valuesOfRecords(toolCalls.subList(from, Math.min(toolCalls.size(), from + INSERT_BATCH)))
                        .execute();
            }
        });
        return counted;
    }

    @Override
    public long eraseOwner(UserId owner) {
        return eraseWhere(CONVERSATIONS.OWNER.eq(owner.value()));
    }

    /** One query for the retention days conversations set for themselves, then batches as {@link #eraseOwner}. */
    @Override
    public long purge(RetentionPolicy policy, Instant now) {
        List<Integer> ownDays = dsl.selectDistinct(CONVERSATIONS.RETENTION_DAYS).from(CONVERSATIONS)
                .where(CONVERSATIONS.RETENTION_DAYS.isNotNull())
                .fetch(CONVERSATIONS.RETENTION_DAYS);
        Condition live = CONVERSATIONS.DELETED_AT.isNull();
        Condition due = CONVERSATIONS.DELETED_AT.lt(now.minus(policy.deleted()));
        for (int days : ownDays) {
            due = due.or(live.and(CONVERSATIONS.RETENTION_DAYS.eq(days))
                    .and(CONVERSATIONS.UPDATED_AT.lt(RetentionPolicy.cutoff(now, days))));
        }
        if (policy.untouched().isPresent()) {
            due = due.or(live.and(CONVERSATIONS.RETENTION_DAYS.isNull())
                    .and(CONVERSATIONS.UPDATED_AT.lt(now.minus(policy.untouched().get()))));
        }
        return eraseWhere(due);
    }

    /**
     * Erases the conversations {@code which} selects, {@link #ERASE_BATCH} at a time, each batch one
     * transaction: their tool calls, messages (feedback is a column of the message), then the
     * conversations. Each batch claims its conversations with {@code FOR UPDATE SKIP LOCKED}, so
     * instances erasing at once share the work instead of waiting on each other's batch (and then
     * finding it gone); it ends when a batch finds nothing left to claim.
     */
    private long eraseWhere(Condition which) {
        long erased = 0;
        while (true) {
            int batch = dsl.transactionResult(transaction -> eraseBatch(transaction.dsl(), which));
            erased += batch;
            if (batch == 0) {
                return erased;
            }
        }
    }

    private static int eraseBatch(DSLContext sql, Condition which) {
        List<UUID> ids = sql.select(CONVERSATIONS.ID).from(CONVERSATIONS)
                .where(which)
                .limit(ERASE_BATCH)
                .forUpdate()
                .skipLocked()
                .fetch(CONVERSATIONS.ID);
        if (ids.isEmpty()) {
            return 0;
        }
        sql.deleteFrom(TOOL_CALLS)
                .where(TOOL_CALLS.MESSAGE_ID.in(DSL.select(MESSAGES.ID).from(MESSAGES).where(MESSAGES.CONVERSATION_ID.in(ids))))
                .execute();
        sql.deleteFrom(MESSAGES).where(MESSAGES.CONVERSATION_ID.in(ids)).execute();
        return sql.deleteFrom(CONVERSATIONS).where(CONVERSATIONS.ID.in(ids)).execute();
    }

    @Override
    public List<SearchHit> search(UserId owner, String query, int limit) {
        return search.search(owner, query, limit);
    }

    /**
     * At most {@code count} of the conversation's messages of the selection, newest
     * first; empty when the conversation is not the owner's or is deleted. {@code value} is the
     * selection's own parameter, if it has one.
     */
    private Optional<List<Message>> newestFirst(UserId owner, ConversationId conversation, Selection selection,
                                                Object value, int count) {
        Map<String, Object> values = readValues(owner, conversation, count);
        selection.parameters.forEach(name -> values.put(name, value));
        return newestFirst.get(selection).read(values, MessageRowsReader::read);
    }

    /** The query of {@link #latest} (its rows newest first), for a round trip that runs it with others. */
    static ResultQuery<Record> latestQuery(DSLContext dsl) {
        return owned(dsl, window(dsl, Selection.ALL));
    }

    /** The values of a read of at most {@code count} messages, but for its selection's own. */
    static Map<String, Object> readValues(UserId owner, ConversationId conversation, int count) {
        Map<String, Object> values = new HashMap<>();
        values.put("owner", owner.value());
        values.put("conversation", conversation.value());
        values.put("window_conversation", conversation.value());
        values.put("anchor_conversation", conversation.value());
        values.put("bound_conversation", conversation.value());
        values.put("limit", count);
        return values;
    }

    /** The reads of messages newest first, one rendered query per kind of selection. */
    private static Map<Selection, RenderedQuery<Record>> newestFirstQueries(DSLContext dsl) {
        Map<Selection, RenderedQuery<Record>> queries = new EnumMap<>(Selection.class);
        for (Selection selection : Selection.values()) {
            queries.put(selection, RenderedQuery.rows(dsl, MESSAGE_AND_TOOL_CALL, sql -> owned(sql, window(sql, selection))));
        }
        return queries;
    }

    /**
     * At most {@code :limit} messages of the selection in one conversation, newest first (whose
     * conversation it is, the enclosing read checks). On H2 the query names the
     * window index and sorts like it (the conversation id is fixed, so the order is the same): H2's
     * planner would otherwise read and sort the whole conversation.
     */
    private static Table<Record> window(DSLContext sql, Selection selection) {
        boolean h2 = sql.dialect().family() == SQLDialect.H2;
        return sql.select(MESSAGES.fields())
                .from(h2 ? MESSAGES.useIndex(H2_WINDOW_INDEX) : MESSAGES)
                .where(MESSAGES.CONVERSATION_ID.eq(DSL.param("window_conversation", MESSAGES.CONVERSATION_ID)))
                .and(selection.condition())
                .orderBy(newestFirst(MESSAGES, h2))
                .limit(DSL.param("limit", Integer.class))
                .asTable("selected");
    }

    /** Newest first within one conversation; on H2 in the order of its window index, which the query names. */
    static List<SortField<?>> newestFirst(Messages messages, boolean h2) {
        return h2
                ? List.of(messages.CONVERSATION_ID.asc(), messages.CREATED_AT.desc(), messages.ID.desc())
                : List.of(messages.CREATED_AT.desc(), messages.ID.desc());
    }

    /**
     * The owner's live conversation left joined with the window's messages, newest first, each on
     * one row per tool call in call order: no row when the conversation is not the owner's or is
     * deleted, one row without a message when the window is empty, one row for a message without
     * tool calls. The limit stays inside the window: it counts messages, not rows.
     */
    private static ResultQuery<Record> owned(DSLContext sql, Table<Record> window) {
        return sql.select(window.fields(MESSAGES.fields()))
                .select(TOOL_CALLS.fields())
                .from(CONVERSATIONS)
                .leftJoin(window).on(window.field(MESSAGES.CONVERSATION_ID).eq(CONVERSATIONS.ID))
                .leftJoin(TOOL_CALLS).on(TOOL_CALLS.MESSAGE_ID.eq(window.field(MESSAGES.ID)))
                .where(CONVERSATIONS.ID.eq(DSL.param("conversation", CONVERSATIONS.ID)))
                .and(JooqConversationRepository.live(DSL.param("owner", CONVERSATIONS.OWNER)))
                .orderBy(window.field(MESSAGES.CREATED_AT).desc(), window.field(MESSAGES.ID).desc(), TOOL_CALLS.POSITION);
    }

    /** Which of a conversation's messages a read takes, and the parameter it adds. */
    private enum Selection {
        ALL(), OLDER_THAN("anchor_before", "bound_before"), CLIENT_MESSAGE_ID("client_message_id"), IN_REPLY_TO("in_reply_to"),
        ID("id");

        /** The names its own value is bound to (the same value under each). */
        private final List<String> parameters;

        Selection(String... parameters) {
            this.parameters = List.of(parameters);
        }

        Condition condition() {
            return switch (this) {
                case ALL -> DSL.noCondition();
                case OLDER_THAN -> olderThan();
                case CLIENT_MESSAGE_ID -> MESSAGES.CLIENT_MESSAGE_ID.eq(DSL.param("client_message_id", MESSAGES.CLIENT_MESSAGE_ID));
                case IN_REPLY_TO -> MESSAGES.IN_REPLY_TO.eq(DSL.param("in_reply_to", MESSAGES.IN_REPLY_TO))
                        .and(MESSAGES.ROLE.eq(DSL.inline(Role.ASSISTANT.wireName())));
                case ID -> MESSAGES.ID.eq(DSL.param("id", MESSAGES.ID));
            };
        }

        /**
         * Keyset condition: messages that sort before the {@code before} message of the same
         * conversation (parameters of their own, so the subqueries run once rather than per row).
         * The redundant {@code created_at <=} bound is what H2 can use as an index range: with the
         * row comparison alone it walked the window index from the newest message down to the
         * anchor (half of a 100,000-message conversation for a page in its middle).
         */
        private static Condition olderThan() {
            Messages anchor = MESSAGES.as("anchor");
            Messages bound = MESSAGES.as("bound");
            return MESSAGES.CREATED_AT.le(DSL.field(DSL.select(bound.CREATED_AT).from(bound).where(sameMessage(bound, "bound_"))))
                    .and(DSL.row(MESSAGES.CREATED_AT, MESSAGES.ID).lt(
                            DSL.select(anchor.CREATED_AT, anchor.ID).from(anchor).where(sameMessage(anchor, "anchor_"))));
        }

        /** {@code alias} is the {@code before} message, in the read's conversation; its parameters named with {@code prefix}. */
        private static Condition sameMessage(Messages alias, String prefix) {
            return alias.ID.eq(DSL.param(prefix + "before", alias.ID))
                    .and(alias.CONVERSATION_ID.eq(DSL.param(prefix + "conversation", alias.CONVERSATION_ID)));
        }
    }
}
