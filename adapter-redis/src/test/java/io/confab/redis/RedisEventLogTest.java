package io.confab.redis;

import io.confab.domain.port.EventLog;
import io.confab.testkit.contract.EventLogContract;
import java.time.Clock;
import org.junit.jupiter.api.AfterEach;

class RedisEventLogTest extends EventLogContract {

    private RedisAdapters adapters;

    @Override
    protected EventLog eventLog() {
        adapters = RedisAdapters.connect(TestRedis.url(), TestRedis.settings(), Clock.systemUTC());
        return adapters.eventLog();
    }

    @AfterEach
    void close() {
        adapters.close();
    }
}
