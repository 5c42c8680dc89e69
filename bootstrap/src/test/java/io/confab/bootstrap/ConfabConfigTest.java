package io.confab.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfabConfigTest {

    @Test
    void noValues_giveTheZeroSetupDefaults() {
        ConfabConfig config = ConfabConfig.of(Map.of());

        assertThat(config.host()).isEqualTo("127.0.0.1");
        assertThat(config.port()).isEqualTo(8080);
        assertThat(config.database().url()).isEqualTo("jdbc:h2:file:" + Path.of("./data").resolve("confab") + ";AUTO_SERVER=TRUE");
        assertThat(config.redisUrl()).isEmpty();
        assertThat(config.jwt().isDevelopment()).isTrue();
        assertThat(config.model().provider()).isEqualTo(ConfabConfig.Model.Provider.OFFLINE);
        assertThat(config.rateLimitPerMinute()).isEqualTo(30);
        assertThat(config.historyLimit()).isEqualTo(50);
    }

    @Test
    void theEnvironment_winsOverThePropertiesFile(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("confab.properties");
        Files.writeString(file, "CONFAB_PORT=9000\nCONFAB_RATE_LIMIT=5\n");

        ConfabConfig config = ConfabConfig.from(ConfigValues.load(file, Map.of("CONFAB_PORT", "9100", "PATH", "/bin")));

        assertThat(config.port()).isEqualTo(9100);
        assertThat(config.rateLimitPerMinute()).isEqualTo(5);
    }

    @Test
    void aBadValue_isOneLineNamingTheKey() {
        assertThatThrownBy(() -> ConfabConfig.of(Map.of("CONFAB_PORT", "eighty")))
                .isInstanceOf(ConfigException.class)
                .hasMessage("CONFAB_PORT must be an integer from 0 to 65535, got 'eighty'");
        assertThatThrownBy(() -> ConfabConfig.of(Map.of("CONFAB_RATE_LIMIT", "0"))).hasMessageStartingWith("CONFAB_RATE_LIMIT ");
        assertThatThrownBy(() -> ConfabConfig.of(Map.of("CONFAB_REDIS_URL", "localhost:6379"))).hasMessageStartingWith("CONFAB_REDIS_URL ");
        assertThatThrownBy(() -> ConfabConfig.of(Map.of("CONFAB_MODEL_PROVIDER", "magic"))).hasMessageStartingWith("CONFAB_MODEL_PROVIDER ");
        assertThatThrownBy(() -> ConfabConfig.of(Map.of("CONFAB_MCP_SERVERS", "/no/such/file.json"))).hasMessageStartingWith("CONFAB_MCP_SERVERS ");
        assertThatThrownBy(() -> ConfabConfig.of(Map.of("CONFAB_JWT_PUBLIC_KEY", "abc"))).hasMessageStartingWith("CONFAB_JWT_PUBLIC_KEY ");
        assertThatThrownBy(() -> ConfabConfig.of(Map.of("CONFAB_MODEL_PROVIDER", "openai"))).hasMessageStartingWith("OPENAI_API_KEY ");
    }

    @Test
    void aShortJwtSecret_isRejected_withoutEchoingIt() {
        assertThatThrownBy(() -> ConfabConfig.of(Map.of("CONFAB_JWT_SECRET", "hunter2")))
                .hasMessage("CONFAB_JWT_SECRET must be at least 32 bytes long")
                .message().doesNotContain("hunter2");
    }

    @Test
    void twoJwtKeys_conflict() {
        assertThatThrownBy(() -> ConfabConfig.of(Map.of(
                "CONFAB_JWT_SECRET", "x".repeat(40), "CONFAB_JWT_JWKS_URL", "https://issuer/jwks.json")))
                .hasMessageStartingWith("CONFAB_JWT_SECRET conflicts");
    }

    @Test
    void secrets_neverAppearInToString() {
        ConfabConfig config = ConfabConfig.of(Map.of("CONFAB_JWT_SECRET", "s".repeat(40), "CONFAB_DB_PASSWORD", "pw-123",
                "CONFAB_MODEL_PROVIDER", "openai", "OPENAI_API_KEY", "sk-secret"));

        assertThat(config.toString()).doesNotContain("s".repeat(40)).doesNotContain("pw-123").doesNotContain("sk-secret");
    }
}
