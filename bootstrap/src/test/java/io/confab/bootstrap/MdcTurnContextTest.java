package io.confab.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

/** A turn's thread logs with the correlation id of the request that started it, and keeps nothing after. */
class MdcTurnContextTest {

    @AfterEach
    void clear() {
        MDC.clear();
    }

    @Test
    void theRequestsMdc_isSetOnTheTurnsThread_whileTheTurnRuns() throws Exception {
        MDC.put("correlation_id", "req-42");
        AtomicReference<String> during = new AtomicReference<>();
        AtomicReference<String> after = new AtomicReference<>();
        Runnable carried = new MdcTurnContext().carry(() -> during.set(MDC.get("correlation_id")));

        Thread thread = Thread.ofVirtual().start(() -> {
            carried.run();
            after.set(String.valueOf(MDC.get("correlation_id")));
        });
        thread.join();

        assertThat(during.get()).isEqualTo("req-42");
        assertThat(after.get()).isEqualTo("null");
    }
}
