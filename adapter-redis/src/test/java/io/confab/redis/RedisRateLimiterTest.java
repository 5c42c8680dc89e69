package io.confab.redis;

import io.confab.domain.port.RateLimiter;
import io.confab.testkit.TestClock;
import io.confab.testkit.contract.RateLimiterContract;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;

class RedisRateLimiterTest extends RateLimiterContract {

    private final List<RedisAdapters> opened = new ArrayList<>();

    @Override
    protected RateLimiter rateLimiter(int permitsPerMinute, TestClock clock) {
        RedisAdapters adapters = RedisAdapters.connect(TestRedis.url(),
                TestRedis.settings().withTurnsPerMinute(permitsPerMinute), clock);
        opened.add(adapters);
        return adapters.rateLimiter();
    }

    @AfterEach
    void close() {
        opened.forEach(RedisAdapters::close);
    }
}
