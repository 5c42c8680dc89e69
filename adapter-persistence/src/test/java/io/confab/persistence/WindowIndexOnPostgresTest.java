package io.confab.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * On PostgreSQL the agent's window and history pages have one index to read a conversation's
 * messages by: {@code messages_history_idx}, in their order. Another full index leading with
 * {@code conversation_id} ties with it wherever the planner estimates a conversation at one row,
 * and a plan cached then read the whole conversation through it and sorted it (V13).
 */
class WindowIndexOnPostgresTest {

    @Test
    void onlyTheHistoryIndex_leadsWithTheConversation_overEveryMessage() throws SQLException {
        try (TestDatabase database = TestPostgres.freshDatabase(); Database migrated = Database.open(database.settings());
             Connection connection = migrated.dataSource().getConnection();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("""
                     select idx.indexrelid::regclass::text as name, idx.indpred is not null as partial
                     from pg_index idx
                     join pg_attribute first on first.attrelid = idx.indrelid and first.attnum = idx.indkey[0]
                     where idx.indrelid = 'messages'::regclass and first.attname = 'conversation_id'
                     order by name""")) {
            List<String> indexes = new ArrayList<>();
            while (rows.next()) {
                indexes.add(rows.getString("name") + (rows.getBoolean("partial") ? " (partial)" : ""));
            }

            assertThat(indexes).containsExactly("messages_client_message_id_key (partial)", "messages_history_idx");
        }
    }
}
