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
 * The PostgreSQL server of the tests: {@code CONFAB_TEST_PG_URL} when set, else one embedded
 * server for the whole test JVM. Every caller gets a database of its own, dropped on close.
 */
final class TestPostgres {

    private static final Pattern URL = Pattern.compile("^(jdbc:postgresql://[^/]+/)([^?]*)(\\?.*)?$");
    private static String adminUrl;

    private TestPostgres() {
    }

    /** A new, empty database with a random name. */
    static TestDatabase freshDatabase() {
        String name = "confab_test_" + UUID.randomUUID().toString().replace("-", "");
        execute(adminUrl(), "CREATE DATABASE " + name);
        return new FreshDatabase(name, withDatabase(adminUrl(), name));
    }

    /** A database created for one test class or test, dropped with everything in it on close. */
    private record FreshDatabase(String name, String jdbcUrl) implements TestDatabase {

        @Override
        public StoreSettings settings() {
            return StoreSettings.of(jdbcUrl, "", "").withPoolSize(4);
        }

        @Override
        public void close() {
            execute(adminUrl(), "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        }
    }

    static String withDatabase(String url, String database) {
        Matcher matcher = URL.matcher(url);
        if (!matcher.matches()) {
            throw new IllegalArgumentException("not a jdbc:postgresql://host/database URL: " + url);
        }
        return matcher.group(1) + database + (matcher.group(3) == null ? "" : matcher.group(3));
    }

    static void execute(String url, String sql) {
        try (Connection connection = DriverManager.getConnection(url);
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
