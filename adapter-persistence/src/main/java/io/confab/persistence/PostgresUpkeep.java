package io.confab.persistence;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Analyzes and vacuums Confab's own tables when PostgreSQL's autovacuum will not (off for the
 * server, or for the table), by autovacuum's own thresholds, every {@link #PERIOD}, one instance at
 * a time. Without it such a database never gets planner statistics for the new tables: the
 * history window is then read by scanning the whole conversation and sorting it, and each turn's
 * two updates of its conversation row pile up dead versions that every later look-up walks.
 * Where autovacuum runs (the default), it only looks.
 */
final class PostgresUpkeep implements AutoCloseable {

    /** Autovacuum's own default pace ({@code autovacuum_naptime}): the work is what autovacuum would do. */
    static final Duration PERIOD = Duration.ofSeconds(60);
    private static final Logger LOG = LoggerFactory.getLogger(PostgresUpkeep.class);
    private static final String[] TABLES = {
        "conversations", "messages", "tool_calls", "turn_leases", "tasks", "task_counters", "tool_call_audit"};
    /** The advisory lock that lets one instance at a time do the rounds ("confab" in ASCII). */
    private static final long LOCK = 0x636f6e666162L;
    /** Each of {@link #TABLES} that autovacuum skips, with whether it is due a VACUUM and an ANALYZE by autovacuum's formulas. */
    private static final String DUE = """
            select s.relname::text,
                   s.n_dead_tup > current_setting('autovacuum_vacuum_threshold')::float8
                       + current_setting('autovacuum_vacuum_scale_factor')::float8 * greatest(c.reltuples, 0),
                   s.n_mod_since_analyze > current_setting('autovacuum_analyze_threshold')::float8
                       + current_setting('autovacuum_analyze_scale_factor')::float8 * greatest(c.reltuples, 0)
            from pg_stat_user_tables s join pg_class c on c.oid = s.relid
            where s.schemaname = current_schema() and s.relname::text = any({0})
              and (current_setting('autovacuum') = 'off'
                   or exists (select from unnest(c.reloptions) option
                              where lower(option) in ('autovacuum_enabled=false', 'autovacuum_enabled=off')))
            """;

    private final DSLContext dsl;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("confab-db-upkeep").daemon().factory());
    /** Whether a round has run a command yet: the first is logged at INFO, later ones at DEBUG. */
    private boolean announced;
    private boolean failing;

    private PostgresUpkeep(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** Looks every {@link #PERIOD}, the first time one period from now. */
    static PostgresUpkeep start(DSLContext dsl) {
        PostgresUpkeep upkeep = new PostgresUpkeep(dsl);
        upkeep.timer.scheduleWithFixedDelay(upkeep::round, PERIOD.toMillis(), PERIOD.toMillis(), TimeUnit.MILLISECONDS);
        return upkeep;
    }

    private void round() {
        try {
            List<String> ran = runOnce();
            if (!ran.isEmpty() && !announced) {
                LOG.info("autovacuum is off for Confab's tables: Confab analyzes and vacuums them itself ({})", ran);
                announced = true;
            } else if (!ran.isEmpty()) {
                LOG.debug("table upkeep: {}", ran);
            }
            failing = false;
        } catch (RuntimeException e) {
            if (!failing) {
                LOG.warn("table upkeep failed: {}", e.toString());
            }
            failing = true;
        }
    }

    /**
     * One round: each table due, vacuumed and/or analyzed; answers the commands it ran (none while
     * another instance holds the round).
     */
    List<String> runOnce() {
        return dsl.connectionResult(connection -> {
            DSLContext session = DSL.using(connection, SQLDialect.POSTGRES);
            if (!session.fetchValue(DSL.field("pg_try_advisory_lock({0})", SQLDataType.BOOLEAN, DSL.val(LOCK)))) {
                return List.of();
            }
            try {
                List<String> ran = new ArrayList<>();
                for (Record due : session.fetch(DUE, DSL.val(TABLES))) {
                    String table = due.get(0, String.class);
                    Optional<String> command = command(due.get(1, Boolean.class), due.get(2, Boolean.class));
                    if (command.isPresent()) {
                        session.execute(command.get() + " {0}", DSL.name(table));
                        ran.add(command.get() + " " + table);
                    }
                }
                return ran;
            } finally {
                session.fetchValue(DSL.field("pg_advisory_unlock({0})", SQLDataType.BOOLEAN, DSL.val(LOCK)));
            }
        });
    }

    /** The command a table is due, if any. */
    private static Optional<String> command(boolean vacuum, boolean analyze) {
        if (vacuum) {
            return Optional.of(analyze ? "vacuum (analyze)" : "vacuum");
        }
        return analyze ? Optional.of("analyze") : Optional.empty();
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
