package io.confab.persistence;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import org.jooq.JSONB;

/** Binds a value to a statement jOOQ rendered: jOOQ's SQL already casts JSONB, UUID and timestamp parameters. */
final class JdbcBinds {

    private JdbcBinds() {
    }

    /** {@code sqlType} is the parameter's {@link java.sql.Types} code, for a null value. */
    static void bind(PreparedStatement statement, int index, Object value, int sqlType) throws SQLException {
        switch (value) {
            case null -> statement.setNull(index, sqlType);
            case JSONB json -> statement.setString(index, json.data());
            case Instant instant -> statement.setObject(index, instant.atOffset(ZoneOffset.UTC));
            default -> statement.setObject(index, value);
        }
    }
}
