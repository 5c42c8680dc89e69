package io.confab.persistence;

import static io.confab.persistence.schema.Tables.CONVERSATIONS;

import io.confab.domain.Conversation;
import io.confab.domain.ConversationId;
import io.confab.domain.ConversationSettings;
import io.confab.domain.ConversationStatus;
import io.confab.domain.ExternalId;
import io.confab.domain.ListedConversation;
import io.confab.domain.Page;
import io.confab.domain.UserId;
import io.confab.domain.port.ConversationQuery;
import io.confab.domain.port.ConversationRepository;
import io.confab.domain.port.MessageRepository;
import io.confab.persistence.schema.tables.records.ConversationsRecord;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Stream;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.JSONB;
import org.jooq.Record;
import org.jooq.Select;
import org.jooq.Table;
import org.jooq.impl.DSL;

/** Conversations in the {@code conversations} table; deleted rows stay, marked by deleted_at. */
final class JooqConversationRepository implements ConversationRepository {

    /** Every match of a listing, counted beside each row of its page. */
    private static final Field<Integer> TOTAL = DSL.field(DSL.name("total"), Integer.class);
    /** The prefix of the count's own parameters. */
    private static final String COUNTED = "counted_";
    /** A page's columns, by position: the conversation's, then the total. */
    private static final Field<?>[] PAGE_COLUMNS = Stream.concat(Stream.of(CONVERSATIONS.fields()), Stream.of(TOTAL))
            .toArray(Field<?>[]::new);

    private final DSLContext dsl;
    /** The hottest read: every turn and history page loads its conversation. */
    private final RenderedQuery<ConversationsRecord> findQuery;
    /** The list's page with the total beside each row, rendered once per filter shape (title text aside). */
    private final Map<Boolean, RenderedQuery<Record>> pageQueries = new ConcurrentHashMap<>();
    /** The same page with each row's newest message beside it, rendered once per filter shape. */
    private final Map<Boolean, RenderedQuery<Record>> listedQueries = new ConcurrentHashMap<>();

    JooqConversationRepository(DSLContext dsl) {
        this.dsl = dsl;
        this.findQuery = new RenderedQuery<>(dsl, CONVERSATIONS, sql -> sql.selectFrom(CONVERSATIONS)
                .where(live(DSL.param("owner", CONVERSATIONS.OWNER)))
                .and(CONVERSATIONS.ID.eq(DSL.param("id", CONVERSATIONS.ID))));
    }

    @Override
    public Conversation insert(Conversation conversation) {
        return SqlFailures.insertUnlessNamed(conversation, () -> insertIn(dsl, conversation),
                name -> named(conversation.owner(), name));
    }

    /** Inserts the conversation as given (counters included), within {@code sql}'s transaction if any. */
    static void insertIn(DSLContext sql, Conversation conversation) {
        sql.insertInto(CONVERSATIONS)
                .set(toRecord(conversation))
                .execute();
    }

    private Optional<Conversation> named(UserId owner, ExternalId name) {
        return dsl.selectFrom(CONVERSATIONS)
                .where(live(owner))
                .and(CONVERSATIONS.EXTERNAL_ID.eq(name.value()))
                .fetchOptional(JooqConversationRepository::toDomain);
    }

    @Override
    public Optional<Conversation> find(UserId owner, ConversationId id) {
        return findQuery.fetch(Map.of("owner", owner.value(), "id", id.value())).stream()
                .findFirst()
                .map(JooqConversationRepository::toDomain);
    }

    /**
     * Without a title filter (the usual list) one statement rendered once: the page and, beside each
     * row, the count of every match (a scalar subquery PostgreSQL runs once; {@code count(*) over ()}
     * would first read every match's whole row: 5,000 conversations of one user took ~10× longer);
     * only a page past the end counts apart.
     */
    @Override
    public Page<Conversation> list(UserId owner, ConversationQuery query) {
        if (query.text().isPresent()) {
            return listFiltered(owner, query);
        }
        return fetchPage(owner, query, pageQueries.computeIfAbsent(query.status().isPresent(), this::pageQuery),
                row -> toDomain(row.into(CONVERSATIONS)));
    }

    /**
     * Over the messages of this database and without a title filter, the page of {@link #list} with
     * each row's newest message in that one statement: a join per row of the page
     * ({@link NewestMessages#of}: at most {@code limit} look-ups, each one step back along the history
     * index). Otherwise the list then the previews.
     */
    @Override
    public Page<ListedConversation> listWithLastMessages(UserId owner, ConversationQuery query, MessageRepository messages) {
        if (query.text().isPresent() || !(messages instanceof JooqMessageRepository own && own.uses(dsl))) {
            return ConversationRepository.super.listWithLastMessages(owner, query, messages);
        }
        return fetchPage(owner, query, listedQueries.computeIfAbsent(query.status().isPresent(), this::listedQuery), row -> {
            Conversation conversation = toDomain(row.into(CONVERSATIONS));
            return new ListedConversation(conversation, NewestMessages.preview(conversation.id(), row));
        });
    }

    /** Runs a statement of {@link #pageQuery}'s shape and maps its rows; a page past the end counts apart. */
    private <T> Page<T> fetchPage(UserId owner, ConversationQuery query, RenderedQuery<Record> statement,
                                  Function<Record, T> item) {
        Map<String, Object> values = new HashMap<>();
        for (String prefix : List.of("", COUNTED)) {
            values.put(prefix + "owner", owner.value());
            query.status().ifPresent(status -> values.put(prefix + "status", status.wireName()));
        }
        values.put("offset", query.offset());
        values.put("limit", query.limit());
        List<Record> rows = statement.fetch(values);
        long total = rows.isEmpty()
                ? dsl.fetchCount(CONVERSATIONS, live(owner).and(filters(query)))
                : rows.getFirst().get(TOTAL);
        return new Page<>(rows.stream().map(item).toList(), total, query.offset(), query.limit());
    }

    private RenderedQuery<Record> pageQuery(boolean byStatus) {
        return RenderedQuery.rows(dsl, PAGE_COLUMNS, sql -> page(sql, byStatus));
    }

    /**
     * The page as a derived table, each of its rows then joined with its newest message (the page
     * first, so only the rows of the page are looked up), in the page's order again.
     */
    private RenderedQuery<Record> listedQuery(boolean byStatus) {
        Field<?>[] fields = Stream.concat(Stream.of(PAGE_COLUMNS), Stream.of(NewestMessages.COLUMNS)).toArray(Field<?>[]::new);
        return RenderedQuery.rows(dsl, fields, sql -> {
            Table<Record> page = page(sql, byStatus).asTable("page");
            NewestMessages.Join newest = NewestMessages.of(sql, page.field(CONVERSATIONS.ID));
            return sql.select(page.fields())
                    .select(newest.columns())
                    .from(page)
                    .leftJoin(newest.table()).on(newest.on())
                    .orderBy(page.field(CONVERSATIONS.UPDATED_AT).desc(), page.field(CONVERSATIONS.ID).desc());
        });
    }

    /** The listed conversations of one page, each with the count of every match (as {@link #PAGE_COLUMNS}). */
    private static Select<Record> page(DSLContext sql, boolean byStatus) {
        return sql.select(CONVERSATIONS.fields())
                .select(DSL.field(sql.selectCount().from(CONVERSATIONS).where(listed(byStatus, COUNTED))).as(TOTAL.getName()))
                .from(CONVERSATIONS)
                .where(listed(byStatus, ""))
                .orderBy(CONVERSATIONS.UPDATED_AT.desc(), CONVERSATIONS.ID.desc())
                .offset(DSL.param("offset", Integer.class))
                .limit(DSL.param("limit", Integer.class));
    }

    /**
     * The owner's live conversations, of the status parameter when {@code byStatus}; the parameters'
     * names start with {@code prefix} (a rendered statement binds each name once).
     */
    private static Condition listed(boolean byStatus, String prefix) {
        return live(DSL.param(prefix + "owner", CONVERSATIONS.OWNER))
                .and(byStatus ? CONVERSATIONS.STATUS.eq(DSL.param(prefix + "status", CONVERSATIONS.STATUS)) : DSL.noCondition());
    }

    private Page<Conversation> listFiltered(UserId owner, ConversationQuery query) {
        Condition matching = live(owner).and(filters(query));
        long total = dsl.fetchCount(CONVERSATIONS, matching);
        var items = dsl.selectFrom(CONVERSATIONS)
                .where(matching)
                .orderBy(CONVERSATIONS.UPDATED_AT.desc(), CONVERSATIONS.ID.desc())
                .offset(query.offset())
                .limit(query.limit())
                .fetch(JooqConversationRepository::toDomain);
        return new Page<>(items, total, query.offset(), query.limit());
    }

    @Override
    public Optional<Conversation> update(Conversation conversation) {
        return dsl.update(CONVERSATIONS)
                .set(CONVERSATIONS.TITLE, conversation.title())
                .set(CONVERSATIONS.STATUS, conversation.status().wireName())
                .set(CONVERSATIONS.METADATA, JSONB.valueOf(JsonColumns.writeMetadata(conversation.metadata())))
                .set(CONVERSATIONS.SYSTEM_PROMPT, conversation.settings().systemPrompt().orElse(null))
                .set(CONVERSATIONS.MODEL, conversation.settings().model().orElse(null))
                .set(CONVERSATIONS.RETENTION_DAYS, conversation.settings().retentionDays().orElse(null))
                .set(CONVERSATIONS.UPDATED_AT, conversation.updatedAt())
                .where(live(conversation.owner()).and(CONVERSATIONS.ID.eq(conversation.id().value())))
                .returning()
                .fetchOptional(JooqConversationRepository::toDomain);
    }

    @Override
    public boolean delete(UserId owner, ConversationId id, Instant at) {
        return dsl.update(CONVERSATIONS)
                .set(CONVERSATIONS.DELETED_AT, at)
                .setNull(CONVERSATIONS.EXTERNAL_ID)
                .where(live(owner).and(CONVERSATIONS.ID.eq(id.value())))
                .execute() == 1;
    }

    /** The owner's conversations that are not deleted. */
    static Condition live(UserId owner) {
        return live(DSL.val(owner.value()));
    }

    static Condition live(Field<String> owner) {
        return CONVERSATIONS.OWNER.eq(owner).and(CONVERSATIONS.DELETED_AT.isNull());
    }

    private static Condition filters(ConversationQuery query) {
        Condition status = query.status()
                .map(s -> CONVERSATIONS.STATUS.eq(s.wireName()))
                .orElse(DSL.noCondition());
        Condition text = query.text()
                .map(CONVERSATIONS.TITLE::containsIgnoreCase)
                .orElse(DSL.noCondition());
        return status.and(text);
    }

    private static ConversationsRecord toRecord(Conversation conversation) {
        return new ConversationsRecord(
                conversation.id().value(),
                conversation.owner().value(),
                conversation.title(),
                conversation.status().wireName(),
                JSONB.valueOf(JsonColumns.writeMetadata(conversation.metadata())),
                conversation.createdAt(),
                conversation.updatedAt(),
                conversation.deletedAt().orElse(null),
                conversation.messageCount(),
                conversation.tokensUsed(),
                conversation.externalId().map(ExternalId::value).orElse(null),
                conversation.settings().systemPrompt().orElse(null),
                conversation.settings().model().orElse(null),
                conversation.settings().retentionDays().orElse(null));
    }

    /** The conversation of a row; also maps the row an append returns. */
    static Conversation toDomain(ConversationsRecord row) {
        return new Conversation(
                new ConversationId(row.getId()),
                new UserId(row.getOwner()),
                row.getTitle(),
                ConversationStatus.fromWire(row.getStatus()),
                JsonColumns.readMetadata(row.getMetadata().data()),
                Optional.ofNullable(row.getExternalId()).map(ExternalId::new),
                new ConversationSettings(Optional.ofNullable(row.getSystemPrompt()), Optional.ofNullable(row.getModel()),
                        Optional.ofNullable(row.getRetentionDays())),
                row.getCreatedAt(),
                row.getUpdatedAt(),
                Optional.ofNullable(row.getDeletedAt()),
                row.getMessageCount(),
                row.getTokensUsed());
    }
}
