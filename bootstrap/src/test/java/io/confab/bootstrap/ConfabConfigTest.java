package io.confab.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.confab.application.memory.InMemoryEventLog;
import io.confab.domain.port.RetentionPolicy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
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
    void retention_keepsLiveConversationsUnlessSet_andDeletedOnesThirtyDays() {
        assertThat(ConfabConfig.of(Map.of()).retention())
                .isEqualTo(new RetentionPolicy(Optional.empty(), Duration.ofDays(30)));
        assertThat(ConfabConfig.of(Map.of("CONFAB_RETENTION_DAYS", "90", "CONFAB_DELETED_RETENTION_DAYS", "0")).retention())
                .isEqualTo(new RetentionPolicy(Optional.of(Duration.ofDays(90)), Duration.ZERO));
        assertThatThrownBy(() -> ConfabConfig.of(Map.of("CONFAB_RETENTION_DAYS", "0")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("CONFAB_RETENTION_DAYS");
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
    void replyMetadata_isOffByDefault_andReadsTheNamedProfile() {
        assertThat(ConfabConfig.of(Map.of()).replyMetadata().profile()).isEmpty();

        ConfabConfig config = ConfabConfig.of(Map.of("CONFAB_REPLY_METADATA", ServerContract.HOME_SERVICES.toString()));

        assertThat(config.replyMetadata().profile()).hasValueSatisfying(profile ->
                assertThat(profile.fallback().string("service_type")).contains("general_maintenance"));
    }

    @Test
    void aMissingOrBrokenReplyMetadataProfile_isOneLineNamingTheKey(@TempDir Path dir) throws IOException {
        Path notJson = Files.writeString(dir.resolve("not.json"), "{oops");
        Path badFallback = Files.writeString(dir.resolve("bad.json"), "{\"schema\":{\"type\":\"object\","
                + "\"required\":[\"urgency\"]},\"fallback\":{}}");

        for (String value : new String[] {"/no/such/profile.json", notJson.toString(), badFallback.toString()}) {
            assertThatThrownBy(() -> ConfabConfig.of(Map.of("CONFAB_REPLY_METADATA", value)))
                    .isInstanceOf(ConfigException.class)
                    .hasMessageStartingWith("CONFAB_REPLY_METADATA ")
                    .hasMessageNotContaining("\n");
        }
    }

    @Test
    void turnLeasesAndTheEventLog_haveDefaults_andBadValuesAreOneLineNamingTheKey() {
        ConfabConfig defaults = ConfabConfig.of(Map.of("CONFAB_PORT", "8081"));
        ConfabConfig chosen = ConfabConfig.of(Map.of("CONFAB_TURN_LEASE_SECONDS", "5", "CONFAB_INSTANCE_ID", "node-7",
                "CONFAB_EVENT_LOG_MAX_MB", "48"));

        assertThat(defaults.turnLease()).hasSeconds(30);
        assertThat(defaults.instanceName()).endsWith(":8081");
        assertThat(defaults.eventLogMaxBytes())
                .isEqualTo(Math.min(Runtime.getRuntime().maxMemory() / 8, InMemoryEventLog.DEFAULT_MAX_BYTES));
        assertThat(chosen.turnLease()).hasSeconds(5);
        assertThat(chosen.instanceName()).isEqualTo("node-7");
        assertThat(chosen.eventLogMaxBytes()).isEqualTo(48L << 20);
        assertThat(ConfabConfig.of(Map.of("CONFAB_PORT", "0")).instanceName())
                .isNotEqualTo(ConfabConfig.of(Map.of("CONFAB_PORT", "0")).instanceName());
        assertThatThrownBy(() -> ConfabConfig.of(Map.of("CONFAB_TURN_LEASE_SECONDS", "0")))
                .hasMessageStartingWith("CONFAB_TURN_LEASE_SECONDS ");
        assertThatThrownBy(() -> ConfabConfig.of(Map.of("CONFAB_INSTANCE_ID", "x".repeat(201))))
                .hasMessageStartingWith("CONFAB_INSTANCE_ID ");
        assertThatThrownBy(() -> ConfabConfig.of(Map.of("CONFAB_EVENT_LOG_MAX_MB", "lots")))
                .hasMessageStartingWith("CONFAB_EVENT_LOG_MAX_MB ");
    }

    @Test
    void browserAccess_isSameOriginWithFiveMinuteTickets_untilConfigured() {
        ConfabConfig.Browsers defaults = ConfabConfig.of(Map.of()).browsers();
        ConfabConfig.Browsers chosen = ConfabConfig.of(Map.of(
                "CONFAB_CORS_ORIGINS", "https://app.example.com, http://localhost:5173",
                "CONFAB_TICKET_TTL", "90s",
                "CONFAB_TICKET_SECRET", "a-ticket-secret-of-at-least-32-bytes!")).browsers();

        assertThat(defaults.corsOrigins().enabled()).isFalse();
        assertThat(defaults.ticketTtl()).isEqualTo(Duration.ofMinutes(5));
        assertThat(defaults.ticketSecret()).isEmpty();
        assertThat(chosen.corsOrigins().origins()).containsExactlyInAnyOrder("https://app.example.com", "http://localhost:5173");
        assertThat(chosen.ticketTtl()).isEqualTo(Duration.ofSeconds(90));
        assertThat(chosen.toString()).doesNotContain("a-ticket-secret");
        assertThatThrownBy(() -> ConfabConfig.of(Map.of("CONFAB_CORS_ORIGINS", "https://app.example.com/login")))
                .hasMessageStartingWith("CONFAB_CORS_ORIGINS ").hasMessageContaining("https://app.example.com/login");
        assertThatThrownBy(() -> ConfabConfig.of(Map.of("CONFAB_TICKET_TTL", "7200"))).hasMessageStartingWith("CONFAB_TICKET_TTL ");
        assertThatThrownBy(() -> ConfabConfig.of(Map.of("CONFAB_TICKET_SECRET", "short"))).hasMessageStartingWith("CONFAB_TICKET_SECRET ");
    }

    @Test
    void modelTimeoutsAndRetries_defaultToABoundedCall() {
        ConfabConfig.Model model = ConfabConfig.of(Map.of()).model();

        assertThat(model.timeout()).isEqualTo(Duration.ofSeconds(60));
        assertThat(model.connectTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(model.readTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(model.maxRetries()).isEqualTo(2);
    }

    @Test
    void modelTimeouts_takeSecondsMillisecondsOrMinutes() {
        ConfabConfig.Model model = ConfabConfig.of(Map.of("CONFAB_MODEL_TIMEOUT", "2m", "CONFAB_MODEL_CONNECT_TIMEOUT", "500ms",
                "CONFAB_MODEL_READ_TIMEOUT", "45", "CONFAB_MODEL_MAX_RETRIES", "0")).model();

        assertThat(model.timeout()).isEqualTo(Duration.ofMinutes(2));
        assertThat(model.connectTimeout()).isEqualTo(Duration.ofMillis(500));
        assertThat(model.readTimeout()).isEqualTo(Duration.ofSeconds(45));
        assertThat(model.maxRetries()).isZero();
    }

    @Test
    void aBadModelTimeoutOrRetryCount_isOneLineNamingTheKey() {
        assertThatThrownBy(() -> ConfabConfig.of(Map.of("CONFAB_MODEL_TIMEOUT", "soon")))
                .isInstanceOf(ConfigException.class)
                .hasMessage("CONFAB_MODEL_TIMEOUT must be a duration from 100ms to 60m such as 60s, 500ms or 2m "
                        + "(a bare number is seconds), got 'soon'");
        assertThatThrownBy(() -> ConfabConfig.of(Map.of("CONFAB_MODEL_READ_TIMEOUT", "0s"))).hasMessageStartingWith("CONFAB_MODEL_READ_TIMEOUT ");
        assertThatThrownBy(() -> ConfabConfig.of(Map.of("CONFAB_MODEL_CONNECT_TIMEOUT", "2h"))).hasMessageStartingWith("CONFAB_MODEL_CONNECT_TIMEOUT ");
        assertThatThrownBy(() -> ConfabConfig.of(Map.of("CONFAB_MODEL_MAX_RETRIES", "11"))).hasMessageStartingWith("CONFAB_MODEL_MAX_RETRIES ");
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
