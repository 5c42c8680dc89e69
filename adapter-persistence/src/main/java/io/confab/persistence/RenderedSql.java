package io.confab.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.jooq.DSLContext;
import org.jooq.Param;
import org.jooq.Query;

/**
 * A jOOQ query rendered once, its parameters all named with {@code DSL.param}, then run over plain
 * JDBC with each call's values — as the jOOQ manual advises for hot statements: building and
 * rendering a query cost more CPU than the database spends running these small ones.
 */
final class RenderedSql {

    /** Reads what a run returns. */
    @FunctionalInterface
    interface RowsReader<T> {
        T read(ResultSet rows) throws SQLException;
    }

    private final String sql;
    private final List<Param<?>> parameters;
    /** Each parameter's JDBC type, for binding null: jOOQ's lookup builds a configuration per call. */
    private final int[] sqlTypes;

    private RenderedSql(String sql, List<Param<?>> parameters, int[] sqlTypes) {
        this.sql = sql;
        this.parameters = parameters;
        this.sqlTypes = sqlTypes;
    }

    /** Renders the query; each of its bound parameters must be named and bound exactly once (inlined ones are SQL text). */
    static RenderedSql of(DSLContext dsl, Query query) {
        List<Param<?>> parameters = parameters(query);
        return new RenderedSql(dsl.render(query), parameters, sqlTypes(dsl, parameters));
    }

    /**
     * Renders two queries as one text, sent in one round trip ({@link #run(Connection, Map, RowsReader, RowsReader, BiFunction)}):
     * PostgreSQL's driver sends them with one sync, so they run in one implicit transaction, in order.
     * A name the two share is bound to the same value in both.
     */
    static RenderedSql of(DSLContext dsl, Query first, Query second) {
        List<Param<?>> parameters = Stream.concat(parameters(first).stream(), parameters(second).stream()).toList();
        return new RenderedSql(dsl.render(first) + ";\n" + dsl.render(second), parameters, sqlTypes(dsl, parameters));
    }

    private static List<Param<?>> parameters(Query query) {
        List<Param<?>> parameters = query.getParams().values().stream().filter(p -> !p.isInline()).toList();
        if (parameters.size() != query.getBindValues().size()
                || parameters.stream().anyMatch(p -> p.getParamName() == null || p.getParamName().isBlank())) {
            throw new IllegalStateException("a rendered query must name each parameter and bind it once: " + query);
        }
        return parameters;
    }

    private static int[] sqlTypes(DSLContext dsl, List<Param<?>> parameters) {
        return parameters.stream().mapToInt(p -> p.getDataType().getSQLType(dsl.configuration())).toArray();
    }

    /** Runs the SQL with a value for each named parameter (values it does not use are ignored). */
    <T> T run(Connection connection, Map<String, ?> values, RowsReader<T> reader) throws SQLException {
        try (PreparedStatement statement = bound(connection, values); ResultSet rows = statement.executeQuery()) {
            return reader.read(rows);
        }
    }

    /** Runs the two queries of {@link #of(DSLContext, Query, Query)}; {@code both} makes one answer of their rows. */
    <A, B, T> T run(Connection connection, Map<String, ?> values, RowsReader<A> first, RowsReader<B> second,
                    BiFunction<A, B, T> both) throws SQLException {
        try (PreparedStatement statement = bound(connection, values)) {
            statement.execute();
            A firstRows = read(statement, first);
            statement.getMoreResults();
            return both.apply(firstRows, read(statement, second));
        }
    }

    private static <T> T read(PreparedStatement statement, RowsReader<T> reader) throws SQLException {
        try (ResultSet rows = statement.getResultSet()) {
            return reader.read(rows);
        }
    }

    /** Runs a statement that returns no rows (an insert, an update, a delete); answers the rows it changed. */
    int update(Connection connection, Map<String, ?> values) throws SQLException {
        try (PreparedStatement statement = bound(connection, values)) {
            return statement.executeUpdate();
        }
    }

    private PreparedStatement bound(Connection connection, Map<String, ?> values) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        try {
            for (int i = 0; i < parameters.size(); i++) {
                Param<?> parameter = parameters.get(i);
                if (!values.containsKey(parameter.getParamName())) {
                    throw new IllegalArgumentException("no value for parameter " + parameter.getParamName());
                }
                JdbcBinds.bind(statement, i + 1, values.get(parameter.getParamName()), sqlTypes[i]);
            }
            return statement;
        } catch (SQLException | RuntimeException e) {
            statement.close();
            throw e;
        }
    }
}
