package io.confab.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** Opening a store skips Flyway only when its history records exactly the shipped scripts. */
@ParameterizedClass
@EnumSource(value = Backend.class, names = {"JOOQ_H2", "JOOQ_POSTGRES"})
class SchemaHistoryTest {

    @Parameter
    Backend backend;

    @TempDir
    Path directory;

    private TestDatabase database;
    private StoreSettings settings;

    @BeforeEach
    void freshDatabase() {
        database = backend.freshDurableDatabase(directory);
        settings = database.settings();
    }

    @AfterEach
    void dropDatabase() {
        database.close();
    }

    @Test
    void aFreshDatabase_isNotCurrent() {
        try (Database fresh = Database.create(settings)) {
            assertThat(SchemaHistory.isCurrent(fresh.dataSource(), settings.vendor())).isFalse();
        }
    }

    @Test
    void onceFlywayHasMigrated_itsHistoryRecordsTheShippedScripts_andIsCurrent() throws SQLException {
        try (Database migrated = Database.open(settings); Connection connection = migrated.dataSource().getConnection()) {
            assertThat(SchemaHistory.appliedScripts(connection))
                    .as("SchemaHistory.SHIPPED must list the scripts as Flyway records them")
                    .isEqualTo(SchemaHistory.SHIPPED.get(settings.vendor()));
            assertThat(SchemaHistory.isCurrent(migrated.dataSource(), settings.vendor())).isTrue();
        }
    }

    @Test
    void anEditedScript_isNotCurrent_andFlywayStillRefusesToStart() {
        Database.open(settings).close();
        alterHistory("update flyway_schema_history set checksum = checksum + 1 where version = '1'");

        try (Database reopened = Database.create(settings)) {
            assertThat(SchemaHistory.isCurrent(reopened.dataSource(), settings.vendor())).isFalse();
        }
        assertThatThrownBy(() -> Database.open(settings)).hasMessageContaining("checksum");
    }

    @Test
    void aFailedMigration_isNotCurrent() {
        Database.open(settings).close();
        alterHistory("update flyway_schema_history set success = false where version = '2'");

        try (Database reopened = Database.create(settings)) {
            assertThat(SchemaHistory.isCurrent(reopened.dataSource(), settings.vendor())).isFalse();
        }
    }

    @Test
    void aScriptNotYetApplied_isNotCurrent_andFlywayAppliesIt() {
        Database.open(settings).close();
        alterHistory("delete from flyway_schema_history where version <> '1'", // versions are text: '11' < '2'
                "drop index if exists conversations_live_idx", "drop index if exists messages_window_idx",
                "drop index if exists messages_search_idx", "alter table messages drop column if exists search_vector",
                "drop table if exists turn_leases",
                "alter table conversations drop constraint if exists conversations_external_id_key",
                "alter table conversations drop column if exists external_id",
                "alter table messages drop constraint if exists messages_feedback_rating_check",
                "alter table messages drop column if exists feedback_rating",
                "alter table messages drop column if exists feedback_comment",
                "alter table conversations drop column if exists system_prompt",
                "alter table conversations drop column if exists model",
                "alter table conversations drop column if exists retention_days",
                "drop table if exists tool_call_audit");
        if (settings.vendor() == Vendor.POSTGRES) { // V13 turned V1's unique constraint into a partial index
            alterHistory("drop index messages_client_message_id_key", "alter table messages add constraint "
                    + "messages_client_message_id_key unique (conversation_id, client_message_id)");
        }

        try (Database reopened = Database.create(settings)) {
            assertThat(SchemaHistory.isCurrent(reopened.dataSource(), settings.vendor())).isFalse();
        }
        try (Database migrated = Database.open(settings)) {
            assertThat(SchemaHistory.isCurrent(migrated.dataSource(), settings.vendor())).isTrue();
        }
    }

    private void alterHistory(String... statements) {
        try (Database open = Database.create(settings); Connection connection = open.dataSource().getConnection();
             Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
