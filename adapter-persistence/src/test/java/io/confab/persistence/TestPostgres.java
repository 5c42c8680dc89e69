package io.confab.persistence;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The PostgreSQL server of the tests (of this module and, through its test-jar, of bootstrap):
 * {@code CONFAB_TEST_PG_URL} when set, else one embedded server for the whole test JVM. Every
 * caller gets a database of its own, to drop when done.
 */
public final class TestPostgres {

    private static final Pattern URL = Pattern.compile("^(jdbc:postgresql://[^/]+/)([^?]*)(\\?.*)?$");
    private static String adminUrl;

    private TestPostgres() {
    }

    /** The JDBC URL of a new, empty database with a random name. */
    public static String freshDatabaseUrl() {
        String name = "confab_test_" + UUID.randomUUID().toString().replace("-", "");
        execute("CREATE DATABASE " + name);
        Matcher admin = parse(adminUrl());
        return admin.group(1) + name + (admin.group(3) == null ? "" : admin.group(3));
    }

    /** Drops a database made by {@link #freshDatabaseUrl()}, with everything in it. */
    public static void drop(String url) {
        execute("DROP DATABASE IF EXISTS " + parse(url).group(2) + " WITH (FORCE)");
    }

    /** A new database as this module's tests use it, dropped on close. */
    static TestDatabase freshDatabase() {
        return new FreshDatabase(freshDatabaseUrl());
    }

    /** A database created for one test class or test, dropped with everything in it on close. */
    private record FreshDatabase(String jdbcUrl) implements TestDatabase {

        @Override
        public StoreSettings settings() {
            return StoreSettings.of(jdbcUrl, "", "").withPoolSize(4);
        }

        @Override
        public void close() {
            drop(jdbcUrl);
        }
    }

    private static Matcher parse(String url) {
        Matcher matcher = URL.matcher(url);
        if (!matcher.matches()) {
            throw new IllegalArgumentException("not a jdbc:postgresql://host/database URL: " + url);
        }
        return matcher;
    }

    private static void execute(String sql) {
        try (Connection connection = DriverManager.getConnection(adminUrl());
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("could not run " + sql, e);
        }
    }

    private static synchronized String adminUrl() {
        if (adminUrl == null) {
            String configured = System.getenv("CONFAB_TEST_PG_URL");
            adminUrl = configured == null || configured.isBlank() ? startEmbedded() : configured;
        }
        return adminUrl;
    }

    private static String startEmbedded() {
        try {
            // stopped by the shutdown hook zonky registers
            return EmbeddedPostgres.builder().start().getJdbcUrl("postgres", "postgres");
        } catch (IOException e) {
            throw new UncheckedIOException("embedded PostgreSQL did not start", e);
        }
    }
}
