package io.confab.persistence;

import static io.confab.persistence.schema.Tables.MESSAGES;

import io.confab.domain.ConversationId;
import io.confab.domain.MessagePreview;
import io.confab.domain.Role;
import io.confab.persistence.schema.tables.Messages;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.SQLDialect;
import org.jooq.Table;
import org.jooq.TableLike;
import org.jooq.impl.DSL;

/**
 * A conversation's newest message as a conversation list shows it ({@link MessagePreview}): the
 * columns that carry it, read as {@link #COLUMNS}, and the join that adds it to each row of a list.
 */
final class NewestMessages {

    /** The start of a message's content. */
    static final Field<String> PREVIEW = start(MESSAGES);
    /** A preview's columns, by position. */
    static final Field<?>[] COLUMNS = columns(MESSAGES);

    /** A left join's table and condition, and the joined table's {@link #COLUMNS}. */
    record Join(TableLike<?> table, Condition on, Field<?>[] columns) {
    }

    private NewestMessages() {
    }

    /**
     * The left join of the newest message of {@code conversation} (a column of the rows it joins),
     * one look-up per row walking the history index backwards: on PostgreSQL a lateral derived table
     * of at most one row; H2 has no lateral join, so there the message whose id a subquery finds
     * along the window index (named, as {@link JooqMessageRepository#window} does), by its primary key.
     */
    static Join of(DSLContext sql, Field<UUID> conversation) {
        Messages newest = MESSAGES.as("newest");
        if (sql.dialect().family() == SQLDialect.H2) {
            Messages last = MESSAGES.as("last_message");
            Field<UUID> newestId = DSL.field(DSL.select(newest.ID)
                    .from(newest.useIndex(JooqMessageRepository.H2_WINDOW_INDEX))
                    .where(newest.CONVERSATION_ID.eq(conversation))
                    .orderBy(JooqMessageRepository.newestFirst(newest, true))
                    .limit(DSL.inline(1)));
            return new Join(last, last.ID.eq(newestId), columns(last));
        }
        Table<?> lateral = sql.select(columns(newest))
                .from(newest)
                .where(newest.CONVERSATION_ID.eq(conversation))
                .orderBy(JooqMessageRepository.newestFirst(newest, false))
                .limit(DSL.inline(1))
                .asTable("last_message");
        return new Join(DSL.lateral(lateral), DSL.trueCondition(), lateral.fields());
    }

    private static Field<?>[] columns(Messages messages) {
        return new Field<?>[] {messages.ROLE, start(messages), messages.CREATED_AT};
    }

    private static Field<String> start(Messages messages) {
        return DSL.substring(messages.CONTENT, DSL.inline(1), DSL.inline(MessagePreview.MAX_CONTENT)).as("preview");
    }

    /** The preview in {@code row}'s {@link #COLUMNS}; empty when they are null (no message: an outer join's miss). */
    static Optional<MessagePreview> preview(ConversationId conversation, Record row) {
        return Optional.ofNullable(row.get(MESSAGES.ROLE)).map(role -> new MessagePreview(conversation,
                Role.valueOf(role.toUpperCase(Locale.ROOT)), row.get(PREVIEW), row.get(MESSAGES.CREATED_AT)));
    }
}
