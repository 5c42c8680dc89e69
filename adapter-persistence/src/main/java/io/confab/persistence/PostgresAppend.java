package io.confab.persistence;

import static io.confab.persistence.schema.Tables.CONVERSATIONS;
import static io.confab.persistence.schema.Tables.MESSAGES;
import static io.confab.persistence.schema.Tables.TOOL_CALLS;

import io.confab.domain.Message;
import io.confab.domain.UserId;
import io.confab.domain.port.AppendResult;
import io.confab.persistence.schema.tables.records.ConversationsRecord;
import io.confab.persistence.schema.tables.records.ToolCallsRecord;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.jooq.CommonTableExpression;
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
 * itself, and answers the conversation as it left it (no row: the conversation is missing). The
 * statement is rendered once per number of tool calls ({@link RenderedQuery}).
 */
final class PostgresAppend {

    private final DSLContext dsl;
    private final Map<Integer, RenderedQuery<ConversationsRecord>> byToolCalls = new ConcurrentHashMap<>();

    PostgresAppend(DSLContext dsl) {
        this.dsl = dsl;
    }

    AppendResult append(UserId owner, Message message) {
        List<ToolCallsRecord> toolCalls = MessageRows.toolCallRecords(message);
        RenderedQuery<ConversationsRecord> query = byToolCalls.computeIfAbsent(toolCalls.size(),
                calls -> new RenderedQuery<>(dsl, CONVERSATIONS, sql -> statement(calls)));
        Map<String, Object> values = new HashMap<>();
        values.put("tokens", message.usage().total());
        values.put("updated_at", message.createdAt());
        values.put("owner", owner.value());
        values.put("conversation", message.conversationId().value());
        putColumns(values, "message_", MessageRows.toRecord(message));
        for (int i = 0; i < toolCalls.size(); i++) {
            putColumns(values, "call" + i + "_", toolCalls.get(i));
        }
        return query.fetch(values).stream()
                .findFirst()
                .<AppendResult>map(counted -> new AppendResult.Appended(message, JooqConversationRepository.toDomain(counted)))
                .orElseGet(AppendResult.ConversationMissing::new);
    }

    private ResultQuery<Record> statement(int toolCalls) {
        CommonTableExpression<Record> counted = DSL.name("counted").as(
                dsl.update(CONVERSATIONS)
                        .set(CONVERSATIONS.MESSAGE_COUNT, CONVERSATIONS.MESSAGE_COUNT.plus(DSL.inline(1)))
                        .set(CONVERSATIONS.TOKENS_USED, CONVERSATIONS.TOKENS_USED.plus(DSL.param("tokens", CONVERSATIONS.TOKENS_USED)))
                        .set(CONVERSATIONS.UPDATED_AT, DSL.param("updated_at", CONVERSATIONS.UPDATED_AT))
                        .where(JooqConversationRepository.live(DSL.param("owner", CONVERSATIONS.OWNER)))
                        .and(CONVERSATIONS.ID.eq(DSL.param("conversation", CONVERSATIONS.ID)))
                        .returningResult(CONVERSATIONS.fields()));
        CommonTableExpression<Record1<UUID>> inserted = DSL.name("inserted").as(
                dsl.insertInto(MESSAGES)
                        .columns(MESSAGES.fields())
                        .select(DSL.select(parameters("message_", MESSAGES.fields())).from(counted))
                        .returningResult(MESSAGES.ID));
        WithStep with = dsl.with(counted).with(inserted);
        if (toolCalls > 0) {
            with = with.with(DSL.name("calls").as(
                    dsl.insertInto(TOOL_CALLS)
                            .columns(TOOL_CALLS.fields())
                            .select(IntStream.range(0, toolCalls)
                                    .<Select<Record>>mapToObj(i -> DSL.select(parameters("call" + i + "_", TOOL_CALLS.fields()))
                                            .from(inserted))
                                    .reduce(Select::unionAll)
                                    .orElseThrow())
                            .returningResult(TOOL_CALLS.POSITION)));
        }
        return with.select(counted.fields(CONVERSATIONS.fields()))
                .from(counted)
                .crossJoin(inserted);
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
