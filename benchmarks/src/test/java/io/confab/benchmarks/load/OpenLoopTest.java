package io.confab.benchmarks.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class OpenLoopTest {

    @Test
    void atAThousandPerSecond_requestsAreDueOneMillisecondApart() {
        OpenLoop schedule = OpenLoop.perSecond(5_000, 1_000);

        assertThat(schedule.dueNanos(0)).isEqualTo(5_000);
        assertThat(schedule.dueNanos(3)).isEqualTo(5_000 + 3_000_000);
    }

    @Test
    void aRequestSentLate_isChargedFromItsDueTime_notFromWhenItLeft() {
        OpenLoop schedule = OpenLoop.perSecond(0, 1_000);
        // a stall: request 10 was due at 10 ms, the sender only got to it at 60 ms, it took 1 ms
        long sentAt = 60_000_000;
        long completedAt = sentAt + 1_000_000;

        assertThat(schedule.latencyNanos(10, completedAt)).isEqualTo(51_000_000);
    }

    @Test
    void aStall_isChargedToEveryRequestItDelayed() {
        OpenLoop schedule = OpenLoop.perSecond(0, 100);
        Histogram histogram = new Histogram();
        // the server freezes for one second at t=0: the 100 requests due in that second all complete at t=1 s
        for (int i = 0; i < 100; i++) {
            histogram.record(schedule.latencyNanos(i, 1_000_000_000L));
        }

        Histogram.Summary summary = histogram.summary();
        assertThat(summary.max()).isEqualTo(1_000.0);
        assertThat(summary.p50()).isEqualTo(500.0);
    }

    @Test
    void aRateThatIsNotPositive_isRejected() {
        assertThatThrownBy(() -> OpenLoop.perSecond(0, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
