package io.confab.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.confab.application.Stores;
import io.confab.domain.UserId;
import io.confab.domain.port.ConversationQuery;
import java.sql.Connection;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/** Stores on a host's own pool migrate it, use it, and leave it open when they close. */
class HostResourcesTest {

    @Test
    void storesOnAHostsPool_migrateIt_andLeaveItOpenWhenTheyClose() throws SQLException {
        try (TestDatabase database = TestDatabase.h2(); HikariDataSource pool = HostApplication.pool(database.settings())) {
            try (Stores stores = JooqStores.open(pool)) {
                assertThat(stores.conversations().list(new UserId("alice"), ConversationQuery.firstPage()).items()).isEmpty();
            }
            assertThat(pool.isClosed()).isFalse();
            try (Connection connection = pool.getConnection()) {
                assertThat(connection.isValid(1)).isTrue();
            }
        }
    }
}
