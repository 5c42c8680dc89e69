package io.confab.benchmarks.load;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HistogramTest {

    @Test
    void percentiles_ofOneToHundredMilliseconds_areTheNearestRanks() {
        Histogram histogram = new Histogram();
        for (int ms = 100; ms >= 1; ms--) {
            histogram.record(ms * 1_000_000L);
        }

        Histogram.Summary summary = histogram.summary();

        assertThat(summary.count()).isEqualTo(100);
        assertThat(summary.p50()).isEqualTo(50.0);
        assertThat(summary.p90()).isEqualTo(90.0);
        assertThat(summary.p99()).isEqualTo(99.0);
        assertThat(summary.max()).isEqualTo(100.0);
    }

    @Test
    void aSingleValue_isEveryPercentile() {
        Histogram histogram = new Histogram();
        histogram.record(2_500_000);

        assertThat(histogram.summary()).isEqualTo(new Histogram.Summary(1, 2.5, 2.5, 2.5, 2.5));
    }

    @Test
    void anEmptyHistogram_summarisesAsZeros() {
        assertThat(new Histogram().summary()).isEqualTo(new Histogram.Summary(0, 0, 0, 0, 0));
    }

    @Test
    void p99_ofTenValues_isTheLargest() {
        long[] sorted = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};

        assertThat(Histogram.millis(sorted, 0.99)).isEqualTo(10 / 1e6);
        assertThat(Histogram.millis(sorted, 0.5)).isEqualTo(5 / 1e6);
    }

    @Test
    void moreValuesThanTheInitialCapacity_areAllKept() {
        Histogram histogram = new Histogram();
        for (int i = 0; i < 10_000; i++) {
            histogram.record(i);
        }

        assertThat(histogram.count()).isEqualTo(10_000);
        assertThat(histogram.summary().max()).isEqualTo(9_999 / 1e6);
    }
}
