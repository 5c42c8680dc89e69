package io.confab.testkit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Predicate;

/** Collects what a listener receives, so a test can await it with a timeout instead of sleeping. */
public final class EventRecorder<T> implements Consumer<T> {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    private final List<T> received = new ArrayList<>();

    @Override
    public synchronized void accept(T event) {
        received.add(event);
        notifyAll();
    }

    public synchronized List<T> events() {
        return List.copyOf(received);
    }

    /** Waits until {@code count} items arrived; returns all received so far. */
    public List<T> awaitCount(int count) {
        return awaitUntil(events -> events.size() >= count, "at least " + count + " events");
    }

    /** Waits until an item matching {@code test} arrived; returns all received so far. */
    public List<T> awaitMatching(Predicate<? super T> test) {
        return awaitUntil(events -> events.stream().anyMatch(test), "a matching event");
    }

    private synchronized List<T> awaitUntil(Predicate<List<T>> done, String what) {
        long deadline = System.nanoTime() + DEFAULT_TIMEOUT.toNanos();
        try {
            while (!done.test(received)) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("timed out waiting for " + what + "; received " + received);
                }
                TimeUnit.NANOSECONDS.timedWait(this, left);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
        return List.copyOf(received);
    }
}
