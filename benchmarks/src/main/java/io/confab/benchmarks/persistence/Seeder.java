package io.confab.benchmarks.persistence;

import static io.confab.persistence.schema.Tables.CONVERSATIONS;
import static io.confab.persistence.schema.Tables.MESSAGES;

import io.confab.domain.Conversation;
import io.confab.domain.port.IdGenerator;
import io.confab.persistence.schema.tables.records.MessagesRecord;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;

/** Fills a conversation with history fast: multi-row inserts of 1,000 messages, one transaction. */
public final class Seeder {

    private static final int ROWS_PER_STATEMENT = 1_000;
    private static final String CONTENT = "Could you add a task to buy milk and remind me about the dentist on Friday? ".repeat(3);
    /** One message in {@value #RARE_EVERY} also has this word: what a search for something specific finds. */
    public static final String RARE_WORD = "kubernetes";
    public static final int RARE_EVERY = 1_000;

    private Seeder() {
    }

    /** Inserts {@code count} alternating user/assistant messages, one millisecond apart from {@code start}. */
    static void seed(BenchDatabase database, Conversation conversation, int count, IdGenerator ids, Instant start)
            throws SQLException {
        seed(database, conversation.id().value(), count, ids, start);
    }

    /** The same for a conversation known only by its id (created through the HTTP API). */
    public static void seed(BenchDatabase database, UUID conversationId, int count, IdGenerator ids, Instant start)
            throws SQLException {
        try (Connection connection = database.connect()) {
            connection.setAutoCommit(false);
            DSLContext dsl = DSL.using(connection, database.dialect());
            for (int from = 0; from < count; from += ROWS_PER_STATEMENT) {
                List<MessagesRecord> rows = new ArrayList<>(ROWS_PER_STATEMENT);
                for (int i = from; i < Math.min(count, from + ROWS_PER_STATEMENT); i++) {
                    rows.add(row(conversationId, i, ids, start.plusMillis(i)));
                }
                dsl.insertInto(MESSAGES)
                        .columns(MESSAGES.fields())
                        .valuesOfRecords(rows)
                        .execute();
            }
            dsl.update(CONVERSATIONS)
                    .set(CONVERSATIONS.MESSAGE_COUNT, count)
                    .set(CONVERSATIONS.UPDATED_AT, start.plusMillis(count))
                    .where(CONVERSATIONS.ID.eq(conversationId))
                    .execute();
            connection.commit();
            connection.setAutoCommit(true);
            if (database.dialect() == SQLDialect.POSTGRES) {
                dsl.execute("ANALYZE");
            }
        }
    }

    private static MessagesRecord row(UUID conversationId, int index, IdGenerator ids, Instant at) {
        boolean user = index % 2 == 0;
        return new MessagesRecord(ids.next(), conversationId, user ? "user" : "assistant",
                index % RARE_EVERY == 0 ? CONTENT + RARE_WORD : CONTENT,
                "complete", user ? null : "offline", 0L, 0L, JSONB.valueOf("{}"), null, null, at, null, null);
    }
}
