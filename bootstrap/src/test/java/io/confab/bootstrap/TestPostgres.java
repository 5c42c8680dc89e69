package io.confab.bootstrap;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * The PostgreSQL of the tests: {@code CONFAB_TEST_PG_URL} when set, else one embedded server per
 * test JVM. Each caller gets a fresh database of its own.
 */
final class TestPostgres {

    private static String adminUrl;

    private TestPostgres() {
    }

    /** The JDBC URL of a new, empty database. */
    static String freshDatabaseUrl() {
        String name = "confab_it_" + UUID.randomUUID().toString().replace("-", "");
        try (Connection connection = DriverManager.getConnection(adminUrl());
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create a test database", e);
        }
        return adminUrl().replaceFirst("^(jdbc:postgresql://[^/]+/)[^?]*", "$1" + name);
    }

    /** Drops a database made by {@link #freshDatabaseUrl()}. */
    static void drop(String url) {
        String name = url.replaceFirst("^jdbc:postgresql://[^/]+/([^?]*).*$", "$1");
        try (Connection connection = DriverManager.getConnection(adminUrl());
             Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot drop the test database " + name, e);
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
            return EmbeddedPostgres.builder().start().getJdbcUrl("postgres", "postgres");
        } catch (IOException e) {
            throw new UncheckedIOException("embedded PostgreSQL did not start", e);
        }
    }
}
