package io.confab.mcp;

import io.confab.domain.UserId;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/** Confab's client ↔ Confab's server over stdio: {@code McpStdio.run} in a child JVM. */
class ConfabStdioServerTest extends AbstractConfabServerTest {

    @Override
    McpToolCatalog connect(UserId user) {
        ServerConfig server = Subprocess.server("confab", Duration.ofSeconds(20), ConfabStdioServerMain.class,
                user.value());
        return connected(McpClients.start(new ServersFile(List.of(server), Backoff.DEFAULT), Clock.systemUTC()));
    }
}
