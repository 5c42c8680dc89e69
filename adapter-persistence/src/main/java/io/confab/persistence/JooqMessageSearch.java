package io.confab.persistence;

import static io.confab.persistence.schema.Tables.CONVERSATIONS;
import static io.confab.persistence.schema.Tables.MESSAGES;

import io.confab.domain.ConversationId;
import io.confab.domain.MessageId;
import io.confab.domain.SearchHit;
import io.confab.domain.SearchText;
import io.confab.domain.UserId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record6;
import org.jooq.SQLDialect;
import org.jooq.Select;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * Full-text search of one owner's live conversations, messages and titles, in one statement: the
 * best {@code limit} hits of both (a union ranked in the database), then the snippets of those
 * only. PostgreSQL uses its text search with the {@code 'simple'} configuration (the stored
 * {@code messages.search_vector} and its GIN index, db/migration/postgresql V9; a title is parsed
 * on the fly, among the owner's few live conversations); H2 matches lower-cased substrings and
 * ranks by how often the words occur ({@link Substrings}).
 */
final class JooqMessageSearch {

    private static final Field<UUID> CONVERSATION = DSL.field(DSL.name("conversation_id"), SQLDataType.UUID);
    private static final Field<UUID> MESSAGE = DSL.field(DSL.name("message_id"), SQLDataType.UUID);
    private static final Field<String> ROLE = DSL.field(DSL.name("role"), SQLDataType.VARCHAR);
    private static final Field<String> TEXT = DSL.field(DSL.name("text"), SQLDataType.VARCHAR);
    private static final Field<Instant> CREATED_AT = DSL.field(DSL.name("created_at"), SQLDataType.INSTANT);
    private static final Field<Double> RANK = DSL.field(DSL.name("rank"), SQLDataType.DOUBLE);

    /** Messages' content and the stored vector of it (PostgreSQL only: not in the jOOQ classes, generated from common/). */
    private static final Searched CONTENT = new Searched(MESSAGES.CONTENT,
            DSL.field(MESSAGES.getQualifiedName().append("search_vector")));
    private static final Searched TITLE = new Searched(CONVERSATIONS.TITLE,
            DSL.field("to_tsvector('simple', {0})", CONVERSATIONS.TITLE));

    private final DSLContext dsl;
    private final boolean postgres;

    JooqMessageSearch(DSLContext dsl) {
        this.dsl = dsl;
        this.postgres = dsl.dialect().family() == SQLDialect.POSTGRES;
    }

    List<SearchHit> search(UserId owner, String query, int limit) {
        Matcher matcher = postgres ? new TextSearch(query) : new Substrings(SearchText.words(query));
        if (matcher.isEmpty()) {
            return List.of();
        }
        Table<?> best = dsl.select(CONVERSATION, MESSAGE, ROLE, TEXT, CREATED_AT, RANK)
                .from(messages(owner, matcher).unionAll(titles(owner, matcher)).asTable("hits"))
                .orderBy(RANK.desc(), CREATED_AT.desc())
                .limit(limit)
                .asTable("best");
        return dsl.select(best.field(CONVERSATION), best.field(MESSAGE), best.field(ROLE),
                        matcher.snippet(best.field(TEXT)), best.field(CREATED_AT))
                .from(best)
                .orderBy(best.field(RANK).desc(), best.field(CREATED_AT).desc())
                .fetch(row -> new SearchHit(new ConversationId(row.value1()),
                        Optional.ofNullable(row.value2()).map(MessageId::new), row.value3(),
                        matcher.finish(row.value4()), row.value5()));
    }

    private static Select<Record6<UUID, UUID, String, String, Instant, Double>> messages(UserId owner, Matcher matcher) {
        return DSL.select(MESSAGES.CONVERSATION_ID.as(CONVERSATION), MESSAGES.ID.as(MESSAGE), MESSAGES.ROLE.as(ROLE),
                        MESSAGES.CONTENT.as(TEXT), MESSAGES.CREATED_AT.as(CREATED_AT),
                        matcher.rank(CONTENT).as(RANK))
                .from(MESSAGES)
                .join(CONVERSATIONS).on(CONVERSATIONS.ID.eq(MESSAGES.CONVERSATION_ID))
                .where(JooqConversationRepository.live(owner))
                .and(matcher.matches(CONTENT));
    }

    private static Select<Record6<UUID, UUID, String, String, Instant, Double>> titles(UserId owner, Matcher matcher) {
        return DSL.select(CONVERSATIONS.ID, DSL.castNull(SQLDataType.UUID), DSL.inline(SearchHit.TITLE_ROLE),
                        CONVERSATIONS.TITLE, CONVERSATIONS.CREATED_AT, matcher.rank(TITLE))
                .from(CONVERSATIONS)
                .where(JooqConversationRepository.live(owner))
                .and(matcher.matches(TITLE));
    }

    /** A text column searched, and its {@code tsvector} on PostgreSQL. */
    private record Searched(Field<String> text, Field<Object> vector) {
    }

    /** How a store finds, ranks and quotes the words of a query in a text column. */
    private sealed interface Matcher {

        boolean isEmpty();

        Condition matches(Searched column);

        Field<Double> rank(Searched column);

        /** The snippet the database computes from a hit's whole text. */
        Field<String> snippet(Field<String> text);

        /** The snippet from what {@link #snippet} returned. */
        String finish(String snippet);
    }

    /**
     * PostgreSQL: the query as {@code websearch_to_tsquery} reads it (quotes, {@code or}, {@code -};
     * it never fails on user input), matched against the column's {@code tsvector}, ranked by
     * {@code ts_rank}, quoted by {@code ts_headline} without markers.
     */
    private record TextSearch(String query) implements Matcher {

        private static final String HEADLINE = "MaxWords=30, MinWords=12, MaxFragments=2, FragmentDelimiter=\" … \","
                + " StartSel=\"\", StopSel=\"\"";

        @Override
        public boolean isEmpty() {
            return query.isBlank();
        }

        @Override
        public Condition matches(Searched column) {
            return DSL.condition("{0} @@ {1}", column.vector(), tsquery());
        }

        @Override
        public Field<Double> rank(Searched column) {
            return DSL.field("ts_rank({0}, {1})", SQLDataType.REAL, column.vector(), tsquery()).cast(SQLDataType.DOUBLE);
        }

        @Override
        public Field<String> snippet(Field<String> text) {
            return DSL.field("ts_headline('simple', {0}, {1}, {2})", SQLDataType.VARCHAR, text, tsquery(),
                    DSL.val(HEADLINE));
        }

        @Override
        public String finish(String snippet) {
            return snippet.strip();
        }

        private Field<Object> tsquery() {
            return DSL.field("websearch_to_tsquery('simple', {0})", DSL.val(query));
        }
    }

    /**
     * H2 (and any other database): every word is a case-insensitive substring (jOOQ escapes
     * {@code %} and {@code _}); the rank is how often the words occur; the snippet is cut in Java.
     */
    private record Substrings(List<String> words) implements Matcher {

        @Override
        public boolean isEmpty() {
            return words.isEmpty();
        }

        @Override
        public Condition matches(Searched column) {
            return DSL.and(words.stream().map(word -> DSL.lower(column.text()).contains(word)).toList());
        }

        @Override
        public Field<Double> rank(Searched column) {
            Field<String> lower = DSL.lower(column.text());
            return words.stream()
                    .map(word -> DSL.charLength(lower).minus(DSL.charLength(DSL.replace(lower, DSL.val(word))))
                            .div(word.length()))
                    .reduce(Field::plus)
                    .orElseThrow()
                    .cast(SQLDataType.DOUBLE);
        }

        @Override
        public Field<String> snippet(Field<String> text) {
            return text;
        }

        @Override
        public String finish(String text) {
            return SearchText.snippet(text, words);
        }
    }
}
