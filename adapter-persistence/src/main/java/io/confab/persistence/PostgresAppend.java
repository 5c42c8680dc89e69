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
 * it ({@code released as (delete from turn_leases …)}). Each statement is rendered once per kind and
 * number of tool calls ({@link RenderedQuery}).
 */
final class PostgresAppend {

    /** What the statement does with a turn's lease. */
    private enum Lease { NONE, CLAIM, RELEASE }

    /** One statement's shape. */
    private record Shape(Lease lease, int toolCalls) {
    }

    private final DSLContext dsl;
    private final Map<Shape, RenderedQuery<ConversationsRecord>> statements = new ConcurrentHashMap<>();

    PostgresAppend(DSLContext dsl) {
        this.dsl = dsl;
    }

    AppendResult append(UserId owner, Message message) {
        return appended(message, run(Lease.NONE, owner, message, Map.of()));
    }

    /** Appends and, in the same statement, ends the lease of {@code turn} (whether or not the append stores). */
    AppendResult appendReleasing(UserId owner, Message message, TurnId turn) {
        return appended(message, run(Lease.RELEASE, owner, message, Map.of("lease_turn_id", turn.value())));
    }

    /**
     * Claims the conversation with {@code lease} and appends, in one statement: empty when a lease
     * holds the conversation (nothing written); {@code ConversationMissing} when the conversation is
     * not the owner's live one, <em>with the lease inserted</em> (the caller releases it).
     */
    Optional<AppendResult> appendClaiming(UserId owner, Message message, TurnLease lease) {
        Map<String, Object> values = new HashMap<>();
        values.put("lease_conversation_id", lease.conversation().value());
        values.put("lease_turn_id", lease.turn().value());
        values.put("lease_owner", lease.owner().value());
        values.put("lease_user_message_id", lease.userMessage().value());
        values.put("lease_client_message_id", lease.clientMessageId().orElse(null));
        values.put("lease_instance", lease.instance());
        values.put("lease_expires_at", lease.expiresAt());
        List<ConversationsRecord> rows = run(Lease.CLAIM, owner, message, values);
        return rows.isEmpty() ? Optional.empty()
                : Optional.of(appended(message, rows.stream().filter(counted -> counted.getId() != null).toList()));
    }

    private static AppendResult appended(Message message, List<ConversationsRecord> rows) {
        return rows.stream()
                .findFirst()
                .<AppendResult>map(counted -> new AppendResult.Appended(message, JooqConversationRepository.toDomain(counted)))
                .orElseGet(AppendResult.ConversationMissing::new);
    }

    private List<ConversationsRecord> run(Lease lease, UserId owner, Message message, Map<String, Object> leaseValues) {
        List<ToolCallsRecord> toolCalls = MessageRows.toolCallRecords(message);
        RenderedQuery<ConversationsRecord> query = statements.computeIfAbsent(new Shape(lease, toolCalls.size()),
                shape -> new RenderedQuery<>(dsl, CONVERSATIONS, sql -> statement(shape)));
        Map<String, Object> values = new HashMap<>(leaseValues);
        values.put("tokens", message.usage().total());
        values.put("updated_at", message.createdAt());
        values.put("owner", owner.value());
        values.put("conversation", message.conversationId().value());
        putColumns(values, "message_", MessageRows.toRecord(message));
        for (int i = 0; i < toolCalls.size(); i++) {
            putColumns(values, "call" + i + "_", toolCalls.get(i));
        }
        return query.fetch(values);
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
