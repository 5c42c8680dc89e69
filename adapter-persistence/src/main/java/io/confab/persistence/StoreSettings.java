package io.confab.persistence;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * Where the database is and how to pool connections to it. The dialect follows from the JDBC URL
 * ({@code jdbc:postgresql:} or {@code jdbc:h2:}); an H2 URL gets the PostgreSQL-compatibility
 * settings the stores need when it lacks them.
 *
 * @param connectionTimeout how long an operation waits for a connection before the store reports
 *                          itself unavailable
 */
public record StoreSettings(String jdbcUrl, String user, String password, int poolSize, Duration connectionTimeout) {

    public static final int DEFAULT_POOL_SIZE = 10;
    public static final Duration DEFAULT_CONNECTION_TIMEOUT = Duration.ofSeconds(3);
    /** The default database of the server: an H2 file under {@code ./data}. */
    public static final String DEFAULT_H2_URL = "jdbc:h2:file:./data/confab";

    private static final Duration MIN_CONNECTION_TIMEOUT = Duration.ofMillis(250);

    public StoreSettings {
        jdbcUrl = Vendor.of(Objects.requireNonNull(jdbcUrl, "jdbcUrl")).normalize(jdbcUrl);
        user = user == null ? "" : user;
        password = password == null ? "" : password;
        if (poolSize < 1) {
            throw new IllegalArgumentException("pool size must be at least 1");
        }
        Objects.requireNonNull(connectionTimeout, "connectionTimeout");
        if (connectionTimeout.compareTo(MIN_CONNECTION_TIMEOUT) < 0) {
            throw new IllegalArgumentException("connection timeout must be at least " + MIN_CONNECTION_TIMEOUT.toMillis() + " ms");
        }
    }

    /** Settings with the default pool size and connection timeout. */
    public static StoreSettings of(String jdbcUrl, String user, String password) {
        return new StoreSettings(jdbcUrl, user, password, DEFAULT_POOL_SIZE, DEFAULT_CONNECTION_TIMEOUT);
    }

    /** An H2 database in a file: {@code path} without the {@code .mv.db} extension. */
    public static StoreSettings h2File(Path path) {
        return of("jdbc:h2:file:" + path, "", "");
    }

    /** The server's zero-setup default, {@value #DEFAULT_H2_URL}. */
    public static StoreSettings defaultH2() {
        return of(DEFAULT_H2_URL, "", "");
    }

    public StoreSettings withPoolSize(int size) {
        return new StoreSettings(jdbcUrl, user, password, size, connectionTimeout);
    }

    public StoreSettings withConnectionTimeout(Duration timeout) {
        return new StoreSettings(jdbcUrl, user, password, poolSize, timeout);
    }

    Vendor vendor() {
        return Vendor.of(jdbcUrl);
    }

    /** Never prints the password. */
    @Override
    public String toString() {
        return "StoreSettings[jdbcUrl=" + jdbcUrl + ", user=" + user + ", password=***, poolSize=" + poolSize
                + ", connectionTimeout=" + connectionTimeout + "]";
    }
}
