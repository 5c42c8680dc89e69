package io.confab.persistence;

import static io.confab.testkit.contract.Fixtures.at;
import static io.confab.testkit.contract.Fixtures.conversation;
import static io.confab.testkit.contract.Fixtures.newMessageId;
import static io.confab.testkit.contract.Fixtures.newUser;
import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.confab.domain.Conversation;
import io.confab.domain.Message;
import io.confab.domain.UserId;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;

/**
 * The upkeep of the tables PostgreSQL's autovacuum skips: once past autovacuum's thresholds they
 * are vacuumed and analyzed (the planner then knows the messages' row count), then left alone
 * until due again; while another instance holds the round, nothing runs. PostgreSQL reports the
 * row counts the thresholds read with a delay of up to its idle flush interval (10 s).
 */
class PostgresUpkeepTest {

    private static final Duration STATISTICS_DELAY = Duration.ofSeconds(30);
    private static final int APPENDS = 120;

    @Test
    void tablesAutovacuumSkips_areVacuumedAndAnalyzedOnceDue_thenLeftAlone() throws InterruptedException {
        try (TestDatabase database = TestPostgres.freshDatabase();
             HikariDataSource pool = HostApplication.pool(database.settings())) {
            DSLContext dsl = migrated(pool);
            withoutAutovacuum(dsl);
            appendMessages(dsl);
            PostgresUpkeep upkeep = PostgresUpkeep.start(dsl);
            try {
                List<String> ran = runUntil(upkeep, List.of("vacuum (analyze) conversations", "analyze messages"));

                assertThat(ran).contains("vacuum (analyze) conversations", "analyze messages");
                assertThat(dsl.fetchValue("select reltuples::int from pg_class where relname = 'messages'"))
                        .isEqualTo(APPENDS);
                assertThat(upkeep.runOnce()).isEmpty();
            } finally {
                upkeep.close();
            }
        }
    }

    @Test
    void whileAnotherInstanceHoldsTheRound_nothingRuns() throws SQLException, InterruptedException {
        try (TestDatabase database = TestPostgres.freshDatabase();
             HikariDataSource pool = HostApplication.pool(database.settings());
             Connection other = DriverManager.getConnection(database.settings().jdbcUrl())) {
            DSLContext dsl = migrated(pool);
            withoutAutovacuum(dsl);
            appendMessages(dsl);
            DSL.using(other, SQLDialect.POSTGRES).fetch("select pg_advisory_lock({0})", DSL.val(0x636f6e666162L));
            PostgresUpkeep upkeep = PostgresUpkeep.start(dsl);
            try {
                assertThat(awaitReportedInserts(dsl)).as("the inserts PostgreSQL reports").isGreaterThanOrEqualTo(APPENDS);

                assertThat(upkeep.runOnce()).isEmpty();
                assertThat(dsl.fetchValue("select reltuples::int from pg_class where relname = 'messages'"))
                        .isNotEqualTo(APPENDS);
            } finally {
                upkeep.close();
            }
        }
    }

    /** The schema migrated on {@code pool}, without the stores' own upkeep (the test runs its rounds itself). */
    private static DSLContext migrated(HikariDataSource pool) {
        return JooqStores.dsl(Database.hosted(pool));
    }

    /** Waits until PostgreSQL reports the appended messages' inserts (or the delay passed); answers how many it reports. */
    private static int awaitReportedInserts(DSLContext dsl) throws InterruptedException {
        long deadline = System.nanoTime() + STATISTICS_DELAY.toNanos();
        int reported = reportedInserts(dsl);
        while (reported < APPENDS && System.nanoTime() < deadline) {
            Thread.sleep(200);
            reported = reportedInserts(dsl);
        }
        return reported;
    }

    private static int reportedInserts(DSLContext dsl) {
        return ((Number) dsl.fetchValue(
                "select n_mod_since_analyze from pg_stat_user_tables where relname = 'messages'")).intValue();
    }

    private static void withoutAutovacuum(DSLContext dsl) {
        dsl.execute("alter table conversations set (autovacuum_enabled = false)");
        dsl.execute("alter table messages set (autovacuum_enabled = false)");
    }

    /** {@value #APPENDS} messages in one conversation: as many updates of its row. */
    private static void appendMessages(DSLContext dsl) {
        UserId alice = newUser();
        Conversation conversation = new JooqConversationRepository(dsl).insert(conversation(alice, "a title", at(0)));
        JooqMessageRepository messages = new JooqMessageRepository(dsl);
        for (int i = 0; i < APPENDS; i++) {
            messages.append(alice,
                    Message.fromUser(newMessageId(), conversation.id(), "hello " + i, Optional.empty(), at(i + 1)));
        }
    }

    /** Rounds until every one of {@code expected} ran, or the statistics delay passed; answers all that ran. */
    private static List<String> runUntil(PostgresUpkeep upkeep, List<String> expected) throws InterruptedException {
        List<String> ran = new ArrayList<>();
        long deadline = System.nanoTime() + STATISTICS_DELAY.toNanos();
        while (!ran.containsAll(expected) && System.nanoTime() < deadline) {
            ran.addAll(upkeep.runOnce());
            Thread.sleep(200);
        }
        return ran;
    }
}
