package io.confab.redis;

import io.confab.domain.port.EventBus;
import io.confab.testkit.contract.EventBusContract;
import java.time.Clock;
import org.junit.jupiter.api.AfterEach;

/** The event bus contract on one instance: local delivery. */
class RedisEventBusTest extends EventBusContract {

    private RedisAdapters adapters;

    @Override
    protected EventBus eventBus() {
        adapters = RedisAdapters.connect(TestRedis.url(), TestRedis.settings(), Clock.systemUTC());
        return adapters.eventBus();
    }

    @AfterEach
    void close() {
        adapters.close();
    }
}
