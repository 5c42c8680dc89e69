package io.confab.domain;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A one-way stop signal for work in flight (a model stream, a tool call). Whoever does the work
 * registers what closes it with {@link #onCancel}; whoever owns the work calls {@link #cancel}.
 */
public final class Cancellation {

    private final AtomicBoolean cancelled = new AtomicBoolean();
    private final List<Runnable> callbacks = new CopyOnWriteArrayList<>();

    public boolean isCancelled() {
        return cancelled.get();
    }

    /**
     * Stops the work; callbacks run once, on the calling thread. A callback runs on the side that
     * takes it out of the list, so one registered while this runs is run here or by
     * {@link #onCancel}, never by both.
     */
    public void cancel() {
        if (cancelled.compareAndSet(false, true)) {
            for (Runnable callback : callbacks) { // the list's snapshot
                if (callbacks.remove(callback)) {
                    runQuietly(callback);
                }
            }
        }
    }

    /** Runs {@code callback} on cancel, or at once when already cancelled. */
    public void onCancel(Runnable callback) {
        callbacks.add(callback);
        if (cancelled.get() && callbacks.remove(callback)) {
            runQuietly(callback);
        }
    }

    private static void runQuietly(Runnable callback) {
        try {
            callback.run();
        } catch (RuntimeException ignored) {
            // closing a stream that is already broken must not stop the other callbacks
        }
    }
}
