package io.confab.bootstrap;

import io.confab.persistence.TestPostgres;
import io.confab.redis.TestRedis;
import io.confab.testkit.ScriptedChatModel;
import io.confab.testkit.ScriptedReplies;
import io.confab.testkit.auth.TestTokens;
import io.confab.testkit.http.TestHttp;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Two Confab servers, A and B, as a load balancer would see them: one fresh PostgreSQL database
 * and one Redis (a key prefix of their own) shared, each with its own scripted model.
 */
final class TwoInstances implements AutoCloseable {

    final ScriptedChatModel modelA = ScriptedReplies.model();
    final ScriptedChatModel modelB = ScriptedReplies.model();
    final ConfabServer a;
    final ConfabServer b;
    final TestHttp apiA;
    final TestHttp apiB;
    private final String databaseUrl = TestPostgres.freshDatabaseUrl();

    TwoInstances(String redisUrl, Path dataDir) {
        Map<String, String> shared = new HashMap<>();
        shared.put("CONFAB_PORT", "0");
        shared.put("CONFAB_DB_URL", databaseUrl);
        shared.put("CONFAB_REDIS_URL", redisUrl);
        shared.put("CONFAB_REDIS_KEY_PREFIX", TestRedis.freshKeyPrefix());
        shared.putAll(TestTokens.serverSettings());
        shared.put("CONFAB_SHUTDOWN_GRACE_SECONDS", "1");
        a = ConfabServer.start(config(shared, dataDir.resolve("a")), modelA);
        b = ConfabServer.start(config(shared, dataDir.resolve("b")), modelB);
        apiA = new TestHttp(a.uri());
        apiB = new TestHttp(b.uri());
    }

    private static ConfabConfig config(Map<String, String> shared, Path dataDir) {
        Map<String, String> values = new HashMap<>(shared);
        values.put("CONFAB_DATA_DIR", dataDir.toString());
        return ConfabConfig.of(values);
    }

    @Override
    public void close() {
        a.stop();
        b.stop();
        TestPostgres.drop(databaseUrl);
    }
}
