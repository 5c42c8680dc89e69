package io.confab.benchmarks.load;

import java.util.Arrays;

/**
 * Recorded latencies of one measurement (nanoseconds, thread-safe appends into a growable array)
 * and their percentiles by the nearest-rank method: the q-quantile is the smallest recorded value
 * that at least q of all values do not exceed.
 */
final class Histogram {

    private long[] nanos = new long[4096];
    private int count;

    synchronized void record(long elapsedNanos) {
        if (count == nanos.length) {
            nanos = Arrays.copyOf(nanos, count * 2);
        }
        nanos[count++] = Math.max(0, elapsedNanos);
    }

    synchronized int count() {
        return count;
    }

    /** Median, p90, p99 and maximum in milliseconds; all zero when nothing was recorded. */
    synchronized Summary summary() {
        long[] sorted = Arrays.copyOf(nanos, count);
        Arrays.sort(sorted);
        return new Summary(count, millis(sorted, 0.50), millis(sorted, 0.90), millis(sorted, 0.99),
                count == 0 ? 0 : sorted[count - 1] / 1e6);
    }

    /** The nearest-rank quantile of already sorted values, in milliseconds. */
    static double millis(long[] sorted, double quantile) {
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(quantile * sorted.length);
        return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1] / 1e6;
    }

    /** Latency percentiles of one measurement, in milliseconds. */
    record Summary(int count, double p50, double p90, double p99, double max) {
    }
}
