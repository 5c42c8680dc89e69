package io.confab.benchmarks.persistence;

import io.confab.persistence.StoreSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.UUID;
import java.util.stream.Stream;
import org.jooq.SQLDialect;

/** A throw-away database for one benchmark run: an H2 file in a temporary folder, or a new PostgreSQL database. */
public record BenchDatabase(String label, StoreSettings settings, SQLDialect dialect, Runnable drop) implements AutoCloseable {

    public static BenchDatabase h2File() {
        try {
            Path directory = Files.createTempDirectory("confab-bench-h2");
            return new BenchDatabase("H2 (file)", StoreSettings.h2File(directory.resolve("confab")).withPoolSize(16),
                    SQLDialect.H2, () -> deleteRecursively(directory));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A new database on the server of {@code adminUrl} (jdbc:postgresql://host:port/db?user=…). */
    public static BenchDatabase postgres(String adminUrl) {
        return postgres(adminUrl, true);
    }

    /**
     * The same; with {@code synchronousCommit} false the new database is set to
     * {@code synchronous_commit = off} (a commit returns before its WAL is flushed to disk).
     */
    public static BenchDatabase postgres(String adminUrl, boolean synchronousCommit) {
        String name = "confab_bench_" + UUID.randomUUID().toString().replace("-", "");
        execute(adminUrl, "CREATE DATABASE " + name);
        if (!synchronousCommit) {
            execute(adminUrl, "ALTER DATABASE " + name + " SET synchronous_commit = off");
        }
        String url = adminUrl.replaceFirst("^(jdbc:postgresql://[^/]+/)[^?]*", "$1" + name);
        String label = synchronousCommit ? "PostgreSQL" : "PostgreSQL (synchronous_commit=off)";
        return new BenchDatabase(label, StoreSettings.of(url, "", "").withPoolSize(16), SQLDialect.POSTGRES,
                () -> execute(adminUrl, "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)"));
    }

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(settings.jdbcUrl(), settings.user(), settings.password());
    }

    @Override
    public void close() {
        drop.run();
    }

    private static void execute(String url, String sql) {
        try (Connection connection = DriverManager.getConnection(url);
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("could not run " + sql, e);
        }
    }

    private static void deleteRecursively(Path directory) {
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
