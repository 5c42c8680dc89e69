package io.confab.persistence;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * Flyway's history table against the migrations this build ships. When it records every shipped
 * script as applied, unchanged (same checksum), and nothing failed, Flyway would find nothing to
 * do, so opening a store skips it: its configuration alone costs ~0.5 s of start-up. Whenever the
 * two differ (a fresh database, a new or an edited script, a failed migration) Flyway runs and
 * decides, as before. {@code SchemaHistoryTest} checks {@link #SHIPPED} against what Flyway records.
 */
final class SchemaHistory {

    /** One script as Flyway records it once applied. */
    record Applied(String version, String script, int checksum) {
    }

    private static final String TABLE = "flyway_schema_history";
    private static final String SCRIPT_ROWS = "SQL";
    private static final Applied V1 = new Applied("1", "V1__conversations_messages_tasks.sql", -1799561901);
    private static final Applied V4 = new Applied("4", "V4__turn_leases.sql", 1162484123);
    private static final Applied V6 = new Applied("6", "V6__conversations_external_id.sql", 1538490808);
    private static final Applied V8 = new Applied("8", "V8__message_feedback.sql", 1015211045);
    private static final Applied V11 = new Applied("11", "V11__conversation_settings.sql", -913331051);
    private static final Applied V12 = new Applied("12", "V12__tool_call_audit.sql", -1041017749);

    /** The scripts of {@link Vendor#migrationLocations()} in order, with Flyway's checksums. */
    static final Map<Vendor, List<Applied>> SHIPPED = Map.of(
            Vendor.H2, List.of(V1, new Applied("2", "V2__live_conversations_index.sql", 1589683969),
                    new Applied("3", "V3__messages_window_index.sql", 1753720456), V4, V6, V8, V11, V12),
            Vendor.POSTGRES, List.of(V1, new Applied("2", "V2__live_conversations_index.sql", -548066013), V4,
                    new Applied("5", "V5__turn_leases_unlogged.sql", 504381426), V6, V8,
                    new Applied("9", "V9__full_text_search.sql", -1332287461), V11, V12,
                    new Applied("13", "V13__client_message_id_partial_key.sql", -2041732577)));

    private SchemaHistory() {
    }

    /**
     * Whether the database records exactly the shipped scripts, all applied successfully.
     *
     * @throws IllegalStateException when no connection can be had (as Flyway would fail)
     */
    static boolean isCurrent(DataSource dataSource, Vendor vendor) {
        try (Connection connection = dataSource.getConnection()) {
            return recordsExactly(connection, SHIPPED.get(vendor));
        } catch (SQLException e) {
            throw new IllegalStateException("cannot connect to read the schema history: " + e.getMessage(), e);
        }
    }

    /** False too when the history cannot be read as this build expects it: Flyway reads it then. */
    private static boolean recordsExactly(Connection connection, List<Applied> shipped) {
        try {
            return hasTable(connection) && shipped.equals(appliedScripts(connection));
        } catch (SQLException e) {
            return false;
        }
    }

    private static boolean hasTable(Connection connection) throws SQLException {
        try (ResultSet tables = connection.getMetaData().getTables(connection.getCatalog(), connection.getSchema(),
                TABLE, null)) {
            while (tables.next()) {
                if (TABLE.equals(tables.getString("TABLE_NAME"))) { // the name is a pattern: '_' matches any character
                    return true;
                }
            }
            return false;
        }
    }

    /** The scripts Flyway applied, oldest first; empty when anything failed (Flyway must look). */
    static List<Applied> appliedScripts(Connection connection) throws SQLException {
        List<Applied> applied = new ArrayList<>();
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(
                     "select type, version, script, checksum, success from " + TABLE + " order by installed_rank")) {
            while (rows.next()) {
                if (!rows.getBoolean("success")) {
                    return List.of();
                }
                if (SCRIPT_ROWS.equals(rows.getString("type"))) {
                    applied.add(new Applied(rows.getString("version"), rows.getString("script"), rows.getInt("checksum")));
                }
            }
        }
        return applied;
    }
}
