package io.confab.persistence;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/** A HikariCP pool on one database whose schema Flyway has brought up to date. */
final class Database implements AutoCloseable {

    private static final int VALID_CHECK_SECONDS = 1;

    private final HikariDataSource pool;
    private final Vendor vendor;

    private Database(HikariDataSource pool, Vendor vendor) {
        this.pool = pool;
        this.vendor = vendor;
    }

    /** Opens the pool and migrates; an unreachable database is a {@code StoreUnavailableException}. */
    static Database open(StoreSettings settings) {
        HikariDataSource pool = null;
        try {
            pool = new HikariDataSource(poolConfig(settings));
            migrate(pool, settings.vendor());
            return new Database(pool, settings.vendor());
        } catch (RuntimeException e) {
            if (pool != null) {
                pool.close();
            }
            throw SqlFailures.translate(e);
        }
    }

    private static HikariConfig poolConfig(StoreSettings settings) {
        long timeoutMillis = settings.connectionTimeout().toMillis();
        HikariConfig config = new HikariConfig();
        config.setPoolName("confab-db");
        config.setJdbcUrl(settings.jdbcUrl());
        config.setUsername(settings.user());
        config.setPassword(settings.password());
        config.setMaximumPoolSize(settings.poolSize());
        config.setConnectionTimeout(timeoutMillis);
        config.setValidationTimeout(Math.max(250, timeoutMillis / 2));
        config.setInitializationFailTimeout(timeoutMillis);
        return config;
    }

    private static void migrate(DataSource dataSource, Vendor vendor) {
        Flyway.configure()
                .dataSource(dataSource)
                .locations(vendor.migrationLocations())
                .load()
                .migrate();
    }

    DataSource dataSource() {
        return pool;
    }

    Vendor vendor() {
        return vendor;
    }

    boolean isAvailable() {
        try (Connection connection = pool.getConnection()) {
            return connection.isValid(VALID_CHECK_SECONDS);
        } catch (SQLException | RuntimeException e) {
            return false;
        }
    }

    @Override
    public void close() {
        pool.close();
    }
}
