package io.confab.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import io.confab.bootstrap.ForkedMain.Result;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** SPEC §18: {@code java -jar confab.jar --help | -h | --version} print and exit 0; an unknown argument exits 2. */
class MainCommandLineTest {

    /** Should an argument start the server by mistake, it does so on a free port in a scratch directory. */
    private Map<String, String> env;

    @BeforeEach
    void scratch(@TempDir Path dir) {
        env = Map.of("CONFAB_PORT", "0", "CONFAB_DATA_DIR", dir.toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"--help", "-h"})
    void help_printsTheUsageOnStdout_andExits0_withoutStartingAServer(String flag) throws Exception {
        Result result = ForkedMain.run(env, flag);

        assertThat(result.exitCode()).isZero();
        assertThat(result.stdout()).startsWith("usage: java -jar confab.jar").contains("mcp --user <id>", "--version");
        assertThat(result.stderr()).isEmpty();
    }

    @Test
    void version_printsTheProjectVersion_andExits0() throws Exception {
        Result result = ForkedMain.run(env, "--version");

        assertThat(result.exitCode()).isZero();
        assertThat(result.stdout().strip()).matches("confab \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?");
    }

    @ParameterizedTest
    @ValueSource(strings = {"--port=9000", "serve", "--help-me"})
    void anUnknownArgument_exits2_withTheUsageOnStderr(String argument) throws Exception {
        Result result = ForkedMain.run(env, argument);

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.stderr()).startsWith("confab: unknown argument '" + argument + "'")
                .contains("usage: java -jar confab.jar");
        assertThat(result.stdout()).isEmpty();
    }

    @Test
    void helpOfTheMcpCommand_printsItsUsage_andExits0() throws Exception {
        Result result = ForkedMain.run(env, "mcp", "--help");

        assertThat(result.exitCode()).isZero();
        assertThat(result.stdout()).contains(McpCommand.USAGE);
    }

    @Test
    void anUnknownArgumentOfTheMcpCommand_exits2_onOneLineOfStderr() throws Exception {
        Result result = ForkedMain.run(env, "mcp", "--user", "ann", "--verbose");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.stderr().strip()).startsWith("confab mcp: unknown argument '--verbose'")
                .contains(McpCommand.USAGE).doesNotContain("\n");
        assertThat(result.stdout()).isEmpty();
    }
}
