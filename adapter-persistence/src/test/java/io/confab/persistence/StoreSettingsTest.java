package io.confab.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import org.jooq.SQLDialect;
import org.junit.jupiter.api.Test;

class StoreSettingsTest {

    @Test
    void anH2Url_getsThePostgresCompatibilitySettings() {
        StoreSettings settings = StoreSettings.of("jdbc:h2:mem:x", "sa", "");

        assertThat(settings.jdbcUrl())
                .isEqualTo("jdbc:h2:mem:x;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0");
        assertThat(settings.vendor().dialect()).isEqualTo(SQLDialect.H2);
    }

    @Test
    void anH2Url_keepsTheSettingsItAlreadyHas() {
        StoreSettings settings = StoreSettings.of("jdbc:h2:file:./x;mode=PostgreSQL;AUTO_SERVER=TRUE", "", "");

        assertThat(settings.jdbcUrl())
                .isEqualTo("jdbc:h2:file:./x;mode=PostgreSQL;AUTO_SERVER=TRUE;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0");
    }

    @Test
    void aPostgresUrl_isKeptAsIs_andUsesThePostgresDialect() {
        StoreSettings settings = StoreSettings.of("jdbc:postgresql://db:5432/confab", "app", "secret");

        assertThat(settings.jdbcUrl()).isEqualTo("jdbc:postgresql://db:5432/confab");
        assertThat(settings.vendor().dialect()).isEqualTo(SQLDialect.POSTGRES);
    }

    @Test
    void theDefaultDatabase_isAnH2FileUnderData() {
        assertThat(StoreSettings.defaultH2().jdbcUrl()).startsWith("jdbc:h2:file:./data/confab;MODE=PostgreSQL");
        assertThat(StoreSettings.h2File(Path.of("/tmp/db")).jdbcUrl()).startsWith("jdbc:h2:file:/tmp/db;");
    }

    @Test
    void anUnsupportedUrl_isRejected() {
        assertThatThrownBy(() -> StoreSettings.of("jdbc:mysql://db/confab", "", ""))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("jdbc:postgresql:");
    }

    @Test
    void aTooShortConnectionTimeout_isRejected() {
        StoreSettings settings = StoreSettings.of("jdbc:h2:mem:x", "", "");

        assertThatThrownBy(() -> settings.withConnectionTimeout(Duration.ofMillis(10)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void toString_hidesThePassword() {
        assertThat(StoreSettings.of("jdbc:postgresql://db/confab", "app", "s3cret").toString())
                .doesNotContain("s3cret")
                .contains("password=***");
    }
}
