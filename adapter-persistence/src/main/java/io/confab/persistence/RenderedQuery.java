package io.confab.persistence;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.jooq.DSLContext;
import org.jooq.Param;
import org.jooq.ResultQuery;
import org.jooq.Table;
import org.jooq.TableRecord;

/**
 * A read jOOQ renders once — its parameters named with {@code DSL.param} — then runs over plain
 * JDBC with each call's values, as the jOOQ manual advises for hot statements: building and
 * rendering a query cost more CPU than the database spends running it. Rows come back as records
 * of {@code table}, read by jOOQ.
 */
final class RenderedQuery<R extends TableRecord<R>> {

    private final DSLContext dsl;
    private final Table<R> table;
    private final Function<DSLContext, ResultQuery<?>> template;
    private volatile Rendered rendered;

    /** The SQL and its parameters in bind order. */
    private record Rendered(String sql, List<Param<?>> parameters) {
    }

    RenderedQuery(DSLContext dsl, Table<R> table, Function<DSLContext, ResultQuery<?>> template) {
        this.dsl = dsl;
        this.table = table;
        this.template = template;
    }

    /** Runs the query with a value for each named parameter. */
    List<R> fetch(Map<String, ?> values) {
        Rendered query = rendered();
        return dsl.connectionResult(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(query.sql())) {
                for (int i = 0; i < query.parameters().size(); i++) {
                    Param<?> parameter = query.parameters().get(i);
                    if (!values.containsKey(parameter.getParamName())) {
                        throw new IllegalArgumentException("no value for parameter " + parameter.getParamName());
                    }
                    JdbcBinds.bind(statement, i + 1, values.get(parameter.getParamName()), parameter.getDataType());
                }
                try (ResultSet rows = statement.executeQuery()) {
                    return dsl.fetch(rows, table.fields()).into(table);
                }
            }
        });
    }

    /** Renders on first use (a race renders twice, harmlessly); each named parameter must be bound exactly once. */
    private Rendered rendered() {
        Rendered current = rendered;
        if (current == null) {
            ResultQuery<?> query = template.apply(dsl);
            List<Param<?>> parameters = new ArrayList<>(query.getParams().values());
            if (parameters.size() != query.getBindValues().size()
                    || parameters.stream().anyMatch(p -> p.getParamName() == null || p.getParamName().isBlank())) {
                throw new IllegalStateException("a rendered query must name each parameter and bind it once: " + query);
            }
            current = new Rendered(dsl.render(query), List.copyOf(parameters));
            rendered = current;
        }
        return current;
    }
}
