package io.confab.persistence;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.confab.domain.port.StoreUnavailableException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * One database whose schema Flyway brings up to date: on a HikariCP pool this class opens and
 * closes, or on a host application's own {@link DataSource}, which it never closes.
 */
final class Database implements AutoCloseable {

    private static final int VALID_CHECK_SECONDS = 1;
    /**
     * How long {@link #isAvailable()} waits for its probe. A pool whose database is down waits its
     * whole connection timeout (3 s by default) for a connection; readiness must answer sooner.
     */
    static final Duration PROBE_WAIT = Duration.ofMillis(500);

    private final DataSource pool;
    private final Vendor vendor;
    /** Closes the pool this class opened; nothing for a host's. */
    private final Runnable closer;
    /** The probe under way or last finished: callers while one runs share it, so a down database is probed once at a time. */
    private final AtomicReference<CompletableFuture<Boolean>> probe = new AtomicReference<>(CompletableFuture.completedFuture(true));

    private Database(DataSource pool, Vendor vendor, Runnable closer) {
        this.pool = pool;
        this.vendor = vendor;
        this.closer = closer;
    }

    /** Opens the pool and migrates; an unreachable database is a {@code StoreUnavailableException}. */
    static Database open(StoreSettings settings) {
        Database database = create(settings);
        try {
            database.migrate();
            return database;
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }

    /**
     * The pool, not connected yet: it connects on first use, so queries can be prepared while
     * {@link #migrate()} connects. Same pool as one started at once (Hikari's lazy start), the
     * first connection failing just as fast.
     */
    static Database create(StoreSettings settings) {
        HikariDataSource pool = new HikariDataSource();
        configure(pool, settings);
        return new Database(pool, settings.vendor(), pool::close);
    }

    /**
     * A host application's own {@code DataSource} (PostgreSQL or H2, told apart by its URL), migrated;
     * closing this leaves it open. An unreachable database is a {@code StoreUnavailableException}.
     */
    static Database hosted(DataSource dataSource) {
        Vendor vendor;
        try (Connection connection = dataSource.getConnection()) {
            vendor = Vendor.of(connection.getMetaData().getURL());
        } catch (SQLException e) {
            throw new StoreUnavailableException("the database cannot be reached", e);
        }
        Database database = new Database(dataSource, vendor, () -> { });
        database.migrate();
        return database;
    }

    private static void configure(HikariConfig config, StoreSettings settings) {
        long timeoutMillis = settings.connectionTimeout().toMillis();
        config.setPoolName("confab-db");
        config.setJdbcUrl(settings.jdbcUrl());
        config.setUsername(settings.user());
        config.setPassword(settings.password());
        config.setMaximumPoolSize(settings.poolSize());
        config.setConnectionTimeout(timeoutMillis);
        config.setValidationTimeout(Math.max(250, timeoutMillis / 2));
        config.setInitializationFailTimeout(timeoutMillis);
    }

    /**
     * Connects and brings the schema up to date with Flyway, unless its history already records
     * every shipped script ({@link SchemaHistory}: a restart). An unreachable database is a
     * {@code StoreUnavailableException}.
     */
    void migrate() {
        try {
            if (SchemaHistory.isCurrent(pool, vendor)) {
                return;
            }
            Flyway.configure()
                    .dataSource(pool)
                    .locations(vendor.migrationLocations())
                    .load()
                    .migrate();
        } catch (RuntimeException e) {
            throw SqlFailures.translate(e);
        }
    }

    DataSource dataSource() {
        return pool;
    }

    Vendor vendor() {
        return vendor;
    }

    /** Whether the database answers a connection check within {@link #PROBE_WAIT}. */
    boolean isAvailable() {
        CompletableFuture<Boolean> current = probe.updateAndGet(last -> last.isDone()
                ? CompletableFuture.supplyAsync(this::connects, task -> Thread.ofVirtual().name("confab-db-probe").start(task))
                : last);
        try {
            return current.get(PROBE_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private boolean connects() {
        try (Connection connection = pool.getConnection()) {
            return connection.isValid(VALID_CHECK_SECONDS);
        } catch (SQLException | RuntimeException e) {
            return false;
        }
    }

    @Override
    public void close() {
        closer.run();
    }
}
