package io.confab.persistence;

import static io.confab.persistence.schema.Tables.CONVERSATIONS;
import static io.confab.persistence.schema.Tables.MESSAGES;
import static io.confab.persistence.schema.Tables.TOOL_CALLS;

import io.confab.domain.Message;
import io.confab.domain.UserId;
import io.confab.domain.port.AppendResult;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.jooq.CommonTableExpression;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Param;
import org.jooq.Record;
import org.jooq.Record1;
import org.jooq.ResultQuery;
import org.jooq.Select;
import org.jooq.TableRecord;
import org.jooq.WithStep;
import org.jooq.impl.DSL;

/**
 * PostgreSQL's append as one statement — {@code with counted as (update conversations …),
 * inserted as (insert into messages … select … from counted) [, calls as (insert into tool_calls …)]
 * select count(*) from inserted} — so a message is one round trip and atomic by itself. jOOQ
 * renders the statement once per number of tool calls (and checks the order of its parameters);
 * each append then binds its values to that SQL over plain JDBC: building and rendering the
 * statement cost more CPU than PostgreSQL spends running it.
 */
final class PostgresAppend {

    private final DSLContext dsl;
    private final Map<Integer, String> sqlByToolCalls = new ConcurrentHashMap<>();

    PostgresAppend(DSLContext dsl) {
        this.dsl = dsl;
    }

    AppendResult append(UserId owner, Message message) {
        Binds binds = Binds.of(owner, message);
        String sql = sqlByToolCalls.computeIfAbsent(binds.toolCalls().size(), shape -> render(binds));
        int stored = dsl.connectionResult(connection -> execute(connection, sql, binds.inOrder()));
        return stored == 0 ? new AppendResult.ConversationMissing() : new AppendResult.Appended(message);
    }

    /** Plain JDBC on the rendered SQL: jOOQ's plain-SQL path would scan the statement's text again on every call. */
    private static int execute(Connection connection, String sql, List<Param<?>> binds) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < binds.size(); i++) {
                JdbcBinds.bind(statement, i + 1, binds.get(i).getValue(), binds.get(i).getDataType());
            }
            try (ResultSet count = statement.executeQuery()) {
                count.next();
                return count.getInt(1);
            }
        }
    }

    /** The statement's SQL, checked to take its bind values in the order {@link Binds#inOrder()} lists them. */
    private String render(Binds binds) {
        ResultQuery<Record1<Integer>> statement = statement(binds);
        List<Object> expected = binds.inOrder().stream().<Object>map(Param::getValue).toList();
        if (!statement.getBindValues().equals(expected)) {
            throw new IllegalStateException("append statement binds its values in an unexpected order");
        }
        return dsl.render(statement);
    }

    private ResultQuery<Record1<Integer>> statement(Binds binds) {
        CommonTableExpression<Record1<UUID>> counted = DSL.name("counted").as(
                dsl.update(CONVERSATIONS)
                        .set(CONVERSATIONS.MESSAGE_COUNT, CONVERSATIONS.MESSAGE_COUNT.plus(DSL.inline(1)))
                        .set(CONVERSATIONS.TOKENS_USED, CONVERSATIONS.TOKENS_USED.plus(binds.tokens()))
                        .set(CONVERSATIONS.UPDATED_AT, binds.updatedAt())
                        .where(CONVERSATIONS.OWNER.eq(binds.owner()))
                        .and(CONVERSATIONS.DELETED_AT.isNull())
                        .and(CONVERSATIONS.ID.eq(binds.conversation()))
                        .returningResult(CONVERSATIONS.ID));
        CommonTableExpression<Record1<UUID>> inserted = DSL.name("inserted").as(
                dsl.insertInto(MESSAGES)
                        .columns(MESSAGES.fields())
                        .select(DSL.select(binds.message()).from(counted))
                        .returningResult(MESSAGES.ID));
        WithStep with = dsl.with(counted).with(inserted);
        if (!binds.toolCalls().isEmpty()) {
            with = with.with(DSL.name("calls").as(
                    dsl.insertInto(TOOL_CALLS)
                            .columns(TOOL_CALLS.fields())
                            .select(binds.toolCalls().stream()
                                    .<Select<Record>>map(call -> DSL.select(call).from(inserted))
                                    .reduce(Select::unionAll)
                                    .orElseThrow())
                            .returningResult(TOOL_CALLS.POSITION)));
        }
        return with.select(DSL.count()).from(inserted);
    }

    /** One append's values, typed like their columns, in the order the statement uses them. */
    private record Binds(Param<Long> tokens, Param<Instant> updatedAt, Param<String> owner, Param<UUID> conversation,
                         List<Param<?>> message, List<List<Param<?>>> toolCalls) {

        static Binds of(UserId owner, Message message) {
            return new Binds(
                    DSL.val(message.usage().total(), CONVERSATIONS.TOKENS_USED.getDataType()),
                    DSL.val(message.createdAt(), CONVERSATIONS.UPDATED_AT.getDataType()),
                    DSL.val(owner.value(), CONVERSATIONS.OWNER.getDataType()),
                    DSL.val(message.conversationId().value(), CONVERSATIONS.ID.getDataType()),
                    valuesOf(MessageRows.toRecord(message)),
                    MessageRows.toolCallRecords(message).stream().map(Binds::valuesOf).toList());
        }

        List<Param<?>> inOrder() {
            List<Param<?>> all = new ArrayList<>(List.of(tokens, updatedAt, owner, conversation));
            all.addAll(message);
            toolCalls.forEach(all::addAll);
            return all;
        }

        /** The record's values in the table's column order. */
        private static List<Param<?>> valuesOf(TableRecord<?> row) {
            return Stream.of(row.fields()).<Param<?>>map(field -> valueOf(row, field)).toList();
        }

        private static <T> Param<T> valueOf(TableRecord<?> row, Field<T> field) {
            return DSL.val(row.get(field), field.getDataType());
        }
    }
}
