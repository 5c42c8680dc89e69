package io.confab.persistence;

import static io.confab.persistence.schema.Tables.CONVERSATIONS;
import static io.confab.persistence.schema.Tables.MESSAGES;
import static io.confab.persistence.schema.Tables.TOOL_CALLS;
import static io.confab.persistence.schema.Tables.TURN_LEASES;

import io.confab.domain.Message;
import io.confab.domain.TurnId;
import io.confab.domain.UserId;
import io.confab.domain.port.AppendResult;
import io.confab.domain.port.TurnLease;
import io.confab.persistence.schema.tables.records.ConversationsRecord;
import io.confab.persistence.schema.tables.records.ToolCallsRecord;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.jooq.CommonTableExpression;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Record1;
import org.jooq.ResultQuery;
import org.jooq.Select;
import org.jooq.TableRecord;
import org.jooq.WithStep;
import org.jooq.impl.DSL;

/**
 * PostgreSQL's append as one statement — {@code with counted as (update conversations … returning *),
 * inserted as (insert into messages … select … from counted) [, calls as (insert into tool_calls …)]
 * select counted.* from counted cross join inserted} — so a message is one round trip, atomic by
 * itself, and answers the conversation as it left it (no row: the conversation is missing). A
 * turn's writes add its lease to the same statement: the user message's claims it ({@code lease as
 * (insert into turn_leases … on conflict do nothing returning …)}, which the counting update requires,
 * read as {@code from lease left join …}: no row when the conversation is held), the reply's releases
 * it ({@code released as (delete from turn_leases …)}). The claiming one follows the read of the
 * history the turn gives the model ({@link JooqMessageRepository#latestQuery}) in the same round
 * trip. Each statement is rendered once per kind and number of tool calls ({@link RenderedQuery},
 * {@link RenderedSql}).
 */
final class PostgresAppend {

    /** What the statement does with a turn's lease. */
    private enum Lease { NONE, CLAIM, RELEASE }

    /** One statement's shape. */
    private record Shape(Lease lease, int toolCalls) {
    }

    /** What a claiming append did, and the conversation's newest messages before it, oldest first. */
    record Claim(AppendResult stored, List<Message> history) {
    }

    private final DSLContext dsl;
    private final Map<Shape, RenderedQuery<ConversationsRecord>> statements = new ConcurrentHashMap<>();
    /** The read of the history, then the claiming append, by the message's number of tool calls. */
    private final Map<Integer, RenderedSql> claims = new ConcurrentHashMap<>();

    PostgresAppend(DSLContext dsl) {
        this.dsl = dsl;
    }

    AppendResult append(UserId owner, Message message) {
        return appended(message, run(Lease.NONE, message, values(owner, message, Map.of())));
    }

    /** Appends and, in the same statement, ends the lease of {@code turn} (whether or not the append stores). */
    AppendResult appendReleasing(UserId owner, Message message, TurnId turn) {
        return appended(message, run(Lease.RELEASE, message, values(owner, message, Map.of("lease_turn_id", turn.value()))));
    }

    /**
     * Reads the conversation's newest {@code historyLimit} messages, then claims the conversation
     * with {@code lease} and appends, in one round trip: empty when a lease holds the conversation
     * (nothing written); {@code ConversationMissing} when the conversation is not the owner's live
     * one, <em>with the lease inserted</em> (the caller releases it).
     */
    Optional<Claim> appendClaiming(UserId owner, Message message, TurnLease lease, int historyLimit) {
        Map<String, Object> values = values(owner, message,
                JooqMessageRepository.readValues(owner, message.conversationId(), historyLimit));
        values.put("lease_conversation_id", lease.conversation().value());
        values.put("lease_turn_id", lease.turn().value());
        values.put("lease_owner", lease.owner().value());
        values.put("lease_user_message_id", lease.userMessage().value());
        values.put("lease_client_message_id", lease.clientMessageId().orElse(null));
        values.put("lease_instance", lease.instance());
        values.put("lease_expires_at", lease.expiresAt());
        RenderedSql claim = claims.computeIfAbsent(message.toolCalls().size(),
                calls -> RenderedSql.of(dsl, JooqMessageRepository.latestQuery(dsl), statement(new Shape(Lease.CLAIM, calls))));
        return dsl.connectionResult(connection -> claim.run(connection, values,
                MessageRowsReader::read, this::conversations,
                (history, counted) -> claimed(message, history, counted)));
    }

    /** Empty when the claim was refused (no row); else what the append did, with the history's rows (newest first) read oldest first. */
    private static Optional<Claim> claimed(Message message, Optional<List<Message>> history, List<ConversationsRecord> counted) {
        if (counted.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Claim(appended(message, counted.stream().filter(row -> row.getId() != null).toList()),
                history.map(List::reversed).orElse(List.of())));
    }

    private static AppendResult appended(Message message, List<ConversationsRecord> rows) {
        return rows.stream()
                .findFirst()
                .<AppendResult>map(counted -> new AppendResult.Appended(message, JooqConversationRepository.toDomain(counted)))
                .orElseGet(AppendResult.ConversationMissing::new);
    }

    private List<ConversationsRecord> run(Lease lease, Message message, Map<String, Object> values) {
        return statements.computeIfAbsent(new Shape(lease, message.toolCalls().size()),
                shape -> new RenderedQuery<>(dsl, CONVERSATIONS, sql -> statement(shape))).fetch(values);
    }

    private List<ConversationsRecord> conversations(ResultSet rows) {
        return dsl.fetch(rows, CONVERSATIONS.fields()).into(CONVERSATIONS);
    }

    /** The statement's values for {@code message} and its tool calls, with {@code extra}'s. */
    private static Map<String, Object> values(UserId owner, Message message, Map<String, Object> extra) {
        List<ToolCallsRecord> toolCalls = MessageRows.toolCallRecords(message);
        Map<String, Object> values = new HashMap<>(extra);
        values.put("tokens", message.usage().total());
        values.put("updated_at", message.createdAt());
        values.put("owner", owner.value());
        values.put("conversation", message.conversationId().value());
        putColumns(values, "message_", MessageRows.toRecord(message));
        for (int i = 0; i < toolCalls.size(); i++) {
            putColumns(values, "call" + i + "_", toolCalls.get(i));
        }
        return values;
    }

    private ResultQuery<Record> statement(Shape shape) {
        List<CommonTableExpression<?>> tables = new ArrayList<>();
        Condition claimed = DSL.noCondition();
        CommonTableExpression<Record1<UUID>> lease = DSL.name("lease").as(claim());
        switch (shape.lease()) {
            case NONE -> { }
            case CLAIM -> {
                tables.add(lease);
                claimed = DSL.exists(DSL.selectOne().from(lease));
            }
            case RELEASE -> tables.add(DSL.name("released").as(dsl.deleteFrom(TURN_LEASES)
                    .where(TURN_LEASES.TURN_ID.eq(DSL.param("lease_turn_id", TURN_LEASES.TURN_ID)))
                    .returningResult(TURN_LEASES.TURN_ID)));
        }
        CommonTableExpression<Record> counted = DSL.name("counted").as(
                dsl.update(CONVERSATIONS)
                        .set(CONVERSATIONS.MESSAGE_COUNT, CONVERSATIONS.MESSAGE_COUNT.plus(DSL.inline(1)))
                        .set(CONVERSATIONS.TOKENS_USED, CONVERSATIONS.TOKENS_USED.plus(DSL.param("tokens", CONVERSATIONS.TOKENS_USED)))
                        .set(CONVERSATIONS.UPDATED_AT, DSL.param("updated_at", CONVERSATIONS.UPDATED_AT))
                        .where(JooqConversationRepository.live(DSL.param("owner", CONVERSATIONS.OWNER)))
                        .and(CONVERSATIONS.ID.eq(DSL.param("conversation", CONVERSATIONS.ID)))
                        .and(claimed)
                        .returningResult(CONVERSATIONS.fields()));
        CommonTableExpression<Record1<UUID>> inserted = DSL.name("inserted").as(
                dsl.insertInto(MESSAGES)
                        .columns(MESSAGES.fields())
                        .select(DSL.select(parameters("message_", MESSAGES.fields())).from(counted))
                        .returningResult(MESSAGES.ID));
        tables.add(counted);
        tables.add(inserted);
        if (shape.toolCalls() > 0) {
            tables.add(DSL.name("calls").as(
                    dsl.insertInto(TOOL_CALLS)
                            .columns(TOOL_CALLS.fields())
                            .select(IntStream.range(0, shape.toolCalls())
                                    .<Select<Record>>mapToObj(i -> DSL.select(parameters("call" + i + "_", TOOL_CALLS.fields()))
                                            .from(inserted))
                                    .reduce(Select::unionAll)
                                    .orElseThrow())
                            .returningResult(TOOL_CALLS.POSITION)));
        }
        WithStep with = dsl.with(tables.toArray(CommonTableExpression<?>[]::new));
        return shape.lease() == Lease.CLAIM
                ? with.select(counted.fields(CONVERSATIONS.fields()))
                        .from(lease)
                        .leftJoin(counted.crossJoin(inserted)).on(DSL.trueCondition())
                : with.select(counted.fields(CONVERSATIONS.fields()))
                        .from(counted)
                        .crossJoin(inserted);
    }

    /** The claim of {@link JooqTurnLeases}, its parameters prefixed {@code lease_}, answering the lease it inserted. */
    private ResultQuery<Record1<UUID>> claim() {
        return dsl.insertInto(TURN_LEASES)
                .columns(TURN_LEASES.fields())
                .values(parameters("lease_", TURN_LEASES.fields()))
                .onConflictDoNothing()
                .returningResult(TURN_LEASES.TURN_ID);
    }

    /** A named parameter per column, typed like it. */
    private static List<Field<?>> parameters(String prefix, Field<?>[] columns) {
        return Stream.of(columns).<Field<?>>map(column -> DSL.param(prefix + column.getName(), column)).toList();
    }

    private static void putColumns(Map<String, Object> values, String prefix, TableRecord<?> row) {
        for (Field<?> column : row.fields()) {
            values.put(prefix + column.getName(), row.get(column));
        }
    }
}
