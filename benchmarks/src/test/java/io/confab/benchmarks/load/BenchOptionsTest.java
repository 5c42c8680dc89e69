package io.confab.benchmarks.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BenchOptionsTest {

    @Test
    void noArguments_runEveryScenario_atTheIssuesSizes() {
        BenchOptions options = BenchOptions.parse(new String[0], Map.of());

        assertThat(options.scenarios()).isEqualTo(BenchOptions.ALL);
        assertThat(options.users()).isEqualTo(64);
        assertThat(options.rate()).isEqualTo(1_000);
        assertThat(options.restWarmupSeconds()).isEqualTo(20);
        assertThat(options.streams()).containsExactly(1, 100, 1_000);
        assertThat(options.openStreams()).containsExactly(100);
        assertThat(options.sockets()).isEqualTo(10_000);
        assertThat(options.historySize()).isEqualTo(100_000);
        assertThat(options.pgAdminUrl()).isEqualTo(BenchOptions.DEFAULT_PG_URL);
        assertThat(options.crossSockets()).isEqualTo(100);
        assertThat(options.redisUrl()).isEqualTo("redis://127.0.0.1:6379");
        assertThat(options.replyMetadata()).isEmpty();
    }

    @Test
    void replyMetadata_namesTheProfileFile() {
        BenchOptions options = BenchOptions.parse(new String[] {"--reply-metadata", "docs/profiles/home-services.json"}, Map.of());

        assertThat(options.replyMetadata()).contains(Path.of("docs/profiles/home-services.json"));
    }

    @Test
    void theRedisUrl_comesFromTheFlag_elseFromTheEnvironment() {
        Map<String, String> environment = Map.of("CONFAB_BENCH_REDIS_URL", "redis://cache:6380");

        assertThat(BenchOptions.parse(new String[0], environment).redisUrl()).isEqualTo("redis://cache:6380");
        assertThat(BenchOptions.parse(new String[] {"--redis-url", "redis://other:1"}, environment).redisUrl())
                .isEqualTo("redis://other:1");
    }

    @Test
    void quick_shrinksTheSizes_butExplicitFlagsWin() {
        BenchOptions options = BenchOptions.parse(new String[] {"--quick", "--sockets", "2000", "--scenarios", "turns,rest"},
                Map.of("CONFAB_BENCH_PG_URL", "jdbc:postgresql://db/x"));

        assertThat(options.seconds()).isLessThan(20);
        assertThat(options.restWarmupSeconds()).isLessThan(20);
        assertThat(options.sockets()).isEqualTo(2_000);
        assertThat(options.scenarios()).isEqualTo(List.of("turns", "rest"));
        assertThat(options.pgAdminUrl()).isEqualTo("jdbc:postgresql://db/x");
    }

    @Test
    void anUnknownScenarioOrFlag_isRejectedWithTheUsage() {
        assertThatThrownBy(() -> BenchOptions.parse(new String[] {"--scenarios", "turns,nope"}, Map.of()))
                .hasMessageContaining("unknown scenario 'nope'");
        assertThatThrownBy(() -> BenchOptions.parse(new String[] {"--colour", "red"}, Map.of()))
                .hasMessageContaining("unknown flag").hasMessageContaining("usage:");
    }
}
