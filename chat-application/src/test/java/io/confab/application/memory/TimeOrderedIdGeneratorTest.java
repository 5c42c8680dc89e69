package io.confab.application.memory;

import static org.assertj.core.api.Assertions.assertThat;

import io.confab.domain.TimeOrderedIdGenerator;
import io.confab.testkit.TestClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** UUIDv7 ids are version 7, carry the clock's milliseconds and always increase. */
class TimeOrderedIdGeneratorTest {

    private final TestClock clock = new TestClock();
    private final TimeOrderedIdGenerator ids = new TimeOrderedIdGenerator(clock);

    @Test
    void anId_isVersion7_withTheClocksMilliseconds() {
        UUID id = ids.next();

        assertThat(id.version()).isEqualTo(7);
        assertThat(id.variant()).isEqualTo(2);
        assertThat(id.getMostSignificantBits() >>> 16).isEqualTo(clock.millis());
    }

    @Test
    void idsWithinOneMillisecond_andAfterTheClockStepsBack_keepIncreasing() {
        List<UUID> made = new ArrayList<>();
        for (int i = 0; i < 5000; i++) {
            made.add(ids.next());
        }
        clock.advance(Duration.ofSeconds(-1));
        made.add(ids.next());

        for (int i = 1; i < made.size(); i++) {
            assertThat(Uuids.compare(made.get(i - 1), made.get(i))).isNegative();
        }
    }
}
