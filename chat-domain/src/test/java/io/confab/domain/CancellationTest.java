package io.confab.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** A stop signal: cancel once, callbacks once each, late ones at once, racing ones never twice. */
class CancellationTest {

    @Test
    void aNewCancellation_isNotCancelled() {
        assertThat(new Cancellation().isCancelled()).isFalse();
    }

    @Test
    void cancel_marksItCancelled() {
        Cancellation cancellation = new Cancellation();

        cancellation.cancel();

        assertThat(cancellation.isCancelled()).isTrue();
    }

    @Test
    void aRegisteredCallback_doesNotRunBeforeCancel() {
        Cancellation cancellation = new Cancellation();
        AtomicInteger runs = new AtomicInteger();

        cancellation.onCancel(runs::incrementAndGet);

        assertThat(runs).hasValue(0);
    }

    @Test
    void cancel_runsEveryRegisteredCallbackInOrder() {
        Cancellation cancellation = new Cancellation();
        List<String> runs = new ArrayList<>();
        cancellation.onCancel(() -> runs.add("stream"));
        cancellation.onCancel(() -> runs.add("tool"));

        cancellation.cancel();

        assertThat(runs).containsExactly("stream", "tool");
    }

    @Test
    void cancellingTwice_runsEachCallbackOnce() {
        Cancellation cancellation = new Cancellation();
        AtomicInteger runs = new AtomicInteger();
        cancellation.onCancel(runs::incrementAndGet);

        cancellation.cancel();
        cancellation.cancel();

        assertThat(runs).hasValue(1);
    }

    @Test
    void aCallbackRegisteredAfterCancel_runsAtOnce() {
        Cancellation cancellation = new Cancellation();
        cancellation.cancel();
        AtomicInteger runs = new AtomicInteger();

        cancellation.onCancel(runs::incrementAndGet);

        assertThat(runs).hasValue(1);
    }

    @Test
    void aLateCallback_isNotRunAgainByALaterCancel() {
        Cancellation cancellation = new Cancellation();
        cancellation.cancel();
        AtomicInteger runs = new AtomicInteger();
        cancellation.onCancel(runs::incrementAndGet);

        cancellation.cancel();

        assertThat(runs).hasValue(1);
    }

    @Test
    void aFailingCallback_doesNotStopTheOthers() {
        Cancellation cancellation = new Cancellation();
        AtomicInteger runs = new AtomicInteger();
        cancellation.onCancel(() -> {
            throw new IllegalStateException("stream already broken");
        });
        cancellation.onCancel(runs::incrementAndGet);

        cancellation.cancel();

        assertThat(runs).hasValue(1);
    }

    @Test
    void aFailingLateCallback_doesNotReachTheRegisteringCaller() {
        Cancellation cancellation = new Cancellation();
        cancellation.cancel();
        AtomicInteger runs = new AtomicInteger();

        cancellation.onCancel(() -> {
            runs.incrementAndGet();
            throw new IllegalStateException("stream already broken");
        });

        assertThat(runs).hasValue(1);
    }

    @Test
    void aCallbackRegisteredWhileCancelRuns_runsOnce_neverTwice() throws Exception {
        int rounds = 20_000;
        int twice = 0;
        java.util.concurrent.CyclicBarrier together = new java.util.concurrent.CyclicBarrier(2);
        ExecutorService canceller = Executors.newSingleThreadExecutor();
        try {
            for (int round = 0; round < rounds; round++) {
                Cancellation cancellation = new Cancellation();
                AtomicInteger runs = new AtomicInteger();
                Future<?> cancelled = canceller.submit(() -> {
                    together.await();
                    cancellation.cancel();
                    return null;
                });
                together.await();
                cancellation.onCancel(runs::incrementAndGet);
                cancelled.get(10, TimeUnit.SECONDS);
                twice += runs.get() > 1 ? 1 : 0;
            }
        } finally {
            canceller.shutdownNow();
        }

        assertThat(twice).as("rounds in which the callback ran twice").isZero();
    }

    @Test
    void cancelsFromManyThreadsAtOnce_runACallbackOnce() throws Exception {
        Cancellation cancellation = new Cancellation();
        AtomicInteger runs = new AtomicInteger();
        cancellation.onCancel(runs::incrementAndGet);
        int threads = 8;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> cancels = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                cancels.add(pool.submit(() -> {
                    start.await();
                    cancellation.cancel();
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> cancel : cancels) {
                cancel.get(10, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(runs).hasValue(1);
    }
}
