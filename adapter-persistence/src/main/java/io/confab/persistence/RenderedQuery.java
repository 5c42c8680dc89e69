package io.confab.persistence;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.jooq.DSLContext;
import org.jooq.ResultQuery;
import org.jooq.Table;
import org.jooq.TableRecord;

/**
 * A hot statement answering {@code table}'s records (the reads, and the PostgreSQL append): its
 * jOOQ query is rendered on first use ({@link RenderedSql}) and run with each call's values; jOOQ
 * reads the rows into records.
 */
final class RenderedQuery<R extends TableRecord<R>> {

    private final DSLContext dsl;
    private final Table<R> table;
    private final Function<DSLContext, ResultQuery<?>> template;
    private volatile RenderedSql rendered;

    RenderedQuery(DSLContext dsl, Table<R> table, Function<DSLContext, ResultQuery<?>> template) {
        this.dsl = dsl;
        this.table = table;
        this.template = template;
    }

    /** Runs the query with a value for each named parameter. */
    List<R> fetch(Map<String, ?> values) {
        RenderedSql sql = rendered();
        return dsl.connectionResult(connection ->
                sql.run(connection, values, rows -> dsl.fetch(rows, table.fields()).into(table)));
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
