package io.confab.persistence;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.jooq.SQLDialect;

/** The databases the stores run on, recognised by their JDBC URL. */
enum Vendor {
    POSTGRES("jdbc:postgresql:", SQLDialect.POSTGRES, "postgresql"),
    H2("jdbc:h2:", SQLDialect.H2, "h2");

    /** What the stores need from H2: PostgreSQL syntax, lower-case names, NULLs sorted like PostgreSQL. */
    private static final Map<String, String> H2_SETTINGS = h2Settings();

    private final String urlPrefix;
    private final SQLDialect dialect;
    private final String migrationFolder;

    Vendor(String urlPrefix, SQLDialect dialect, String migrationFolder) {
        this.urlPrefix = urlPrefix;
        this.dialect = dialect;
        this.migrationFolder = migrationFolder;
    }

    static Vendor of(String jdbcUrl) {
        for (Vendor vendor : values()) {
            if (jdbcUrl.startsWith(vendor.urlPrefix)) {
                return vendor;
            }
        }
        throw new IllegalArgumentException("unsupported database URL: it must start with jdbc:postgresql: or jdbc:h2:");
    }

    SQLDialect dialect() {
        return dialect;
    }

    /** Flyway locations: the shared scripts plus this vendor's own. */
    String[] migrationLocations() {
        return new String[] {"classpath:db/migration/common", "classpath:db/migration/" + migrationFolder};
    }

    /** The URL with the settings this vendor needs appended when missing. */
    String normalize(String jdbcUrl) {
        if (this != H2) {
            return jdbcUrl;
        }
        String upper = jdbcUrl.toUpperCase(Locale.ROOT);
        StringBuilder url = new StringBuilder(jdbcUrl);
        H2_SETTINGS.forEach((key, value) -> {
            if (!upper.contains(";" + key + "=")) {
                url.append(';').append(key).append('=').append(value);
            }
        });
        return url.toString();
    }

    private static Map<String, String> h2Settings() {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("MODE", "PostgreSQL");
        settings.put("DATABASE_TO_LOWER", "TRUE");
        settings.put("DEFAULT_NULL_ORDERING", "HIGH");
        // H2 writes commits to its file up to 500 ms late by default: a server killed in that window
        // lost the user message it had already answered 200 for (and the turn's lease)
        settings.put("WRITE_DELAY", "0");
        return settings;
    }
}
