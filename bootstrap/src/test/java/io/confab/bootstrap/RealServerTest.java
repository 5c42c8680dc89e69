package io.confab.bootstrap;

import io.confab.testkit.ScriptedChatModel;
import io.confab.testkit.ScriptedReplies;
import io.confab.testkit.auth.TestTokens;
import io.confab.testkit.http.TestHttp;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real server in-process, on a database its subclass chooses, with the scripted model and
 * RS256 tokens ({@link TestTokens}), shared by a test class's tests.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class RealServerTest {

    final ScriptedChatModel model = ScriptedReplies.model();
    private final ServerDatabase database;
    private Map<String, String> databaseSettings = Map.of();
    Path dataDir;
    ConfabServer server;
    TestHttp api;

    RealServerTest(ServerDatabase database) {
        this.database = database;
    }

    /** Turns per minute per user the server allows. */
    abstract int rateLimit();

    /** Settings of this test class's own, beside the defaults. */
    Map<String, String> settings() {
        return Map.of();
    }

    /** The server's CONFAB_DB_* settings (none for the default H2 file in {@link #dataDir}). */
    Map<String, String> databaseSettings() {
        return databaseSettings;
    }

    ConfabConfig config() {
        Map<String, String> values = new HashMap<>(databaseSettings);
        values.put("CONFAB_PORT", "0");
        values.put("CONFAB_DATA_DIR", dataDir.toString());
        values.putAll(TestTokens.serverSettings());
        values.put("CONFAB_RATE_LIMIT", Integer.toString(rateLimit()));
        values.put("CONFAB_SHUTDOWN_GRACE_SECONDS", "2");
        values.put("CONFAB_SSE_PING_SECONDS", "1");
        values.putAll(settings());
        return ConfabConfig.of(values);
    }

    @BeforeAll
    void startServer(@TempDir Path dir) {
        dataDir = dir;
        databaseSettings = database.open();
        server = ConfabServer.start(config(), model);
        api = new TestHttp(server.uri());
    }

    @AfterAll
    void stopServerAndDropDatabase() {
        try {
            if (server != null) {
                server.stop();
            }
        } finally {
            database.drop(databaseSettings);
        }
    }
}
