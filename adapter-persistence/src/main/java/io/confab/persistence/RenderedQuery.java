package io.confab.persistence;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.RecordMapper;
import org.jooq.ResultQuery;
import org.jooq.Table;

/**
 * A hot statement (the reads, and the PostgreSQL append): its jOOQ query is rendered on first use
 * ({@link RenderedSql}) and run with each call's values; jOOQ reads the rows as records of the
 * given fields, each then mapped to {@code R} — or a reader of the caller's reads them over JDBC.
 */
final class RenderedQuery<R extends Record> {

    private final DSLContext dsl;
    private final Field<?>[] fields;
    private final RecordMapper<Record, R> mapper;
    private final Function<DSLContext, ResultQuery<?>> template;
    private volatile RenderedSql rendered;

    /** A read of {@code table}'s records: the query selects the table's fields, in their order. */
    RenderedQuery(DSLContext dsl, Table<R> table, Function<DSLContext, ResultQuery<?>> template) {
        this(dsl, table.fields(), row -> row.into(table), template);
    }

    private RenderedQuery(DSLContext dsl, Field<?>[] fields, RecordMapper<Record, R> mapper,
                          Function<DSLContext, ResultQuery<?>> template) {
        this.dsl = dsl;
        this.fields = fields;
        this.mapper = mapper;
        this.template = template;
    }

    /**
     * A read of rows whose columns are read, by position, as {@code fields} — so a derived table's
     * or a join's columns come back as the fields of their own tables, for {@code Record.into(table)}.
     */
    static RenderedQuery<Record> rows(DSLContext dsl, Field<?>[] fields, Function<DSLContext, ResultQuery<?>> template) {
        return new RenderedQuery<>(dsl, fields, row -> row, template);
    }

    /** Runs the query with a value for each named parameter. */
    List<R> fetch(Map<String, ?> values) {
        return read(values, rows -> dsl.fetch(rows, fields).map(mapper));
    }

    /** Runs the query with a value for each named parameter; {@code reader} reads its rows over JDBC, by position. */
    <T> T read(Map<String, ?> values, RenderedSql.RowsReader<T> reader) {
        RenderedSql sql = rendered();
        return dsl.connectionResult(connection -> sql.run(connection, values, reader));
    }

    /** Renders on first use; a race renders twice, harmlessly. */
    private RenderedSql rendered() {
        RenderedSql current = rendered;
        if (current == null) {
            current = RenderedSql.of(dsl, template.apply(dsl));
            rendered = current;
        }
        return current;
    }
}
