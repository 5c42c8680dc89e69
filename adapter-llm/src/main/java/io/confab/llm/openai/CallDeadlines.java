package io.confab.llm.openai;

import io.confab.domain.Cancellation;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The total time one model call may take, from the first attempt through the retries and their
 * back-offs to the last chunk. The transport's own timeouts are per attempt (a silent endpoint with a
 * 120 s read timeout and two retries held a turn 361 s); a deadline cancels whatever the call is
 * doing when it passes, so the call fails as a timeout after at most the configured total. The
 * transport times its single HTTP exchanges on the same timer thread, and watches their silence
 * there too ({@link #watchSilence}).
 */
final class CallDeadlines implements AutoCloseable {

    /** How often the watched exchanges are looked at: a silence ends at most this long after its limit. */
    static final Duration SWEEP = Duration.ofMillis(25);

    private final ScheduledThreadPoolExecutor timers = new ScheduledThreadPoolExecutor(1,
            Thread.ofPlatform().daemon().name("confab-model-deadline").factory());
    private final Set<Silence> watched = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean sweeping = new AtomicBoolean();

    CallDeadlines() {
        timers.setRemoveOnCancelPolicy(true);
    }

    /** Starts the clock of one call: after {@code limit}, {@code stop} is cancelled and the deadline has passed. */
    Deadline start(Duration limit, Cancellation stop) {
        return new Deadline(limit, stop);
    }

    /**
     * Starts watching one exchange: when it {@linkplain Silence#heard hears} nothing for {@code limit},
     * {@code stop} is cancelled. This is the read timeout without a timer per read: a socket timeout
     * made every read of a virtual thread a timed park, handed to the JDK's delay scheduler and taken
     * back (4 % of the CPU of a turn); here a sweep of all open exchanges runs every {@link #SWEEP},
     * and only while one is open.
     */
    Silence watchSilence(Duration limit, Cancellation stop) {
        Silence silence = new Silence(limit.toNanos(), stop);
        watched.add(silence);
        if (sweeping.compareAndSet(false, true)) {
            scheduleSweep();
        }
        return silence;
    }

    @Override
    public void close() {
        timers.shutdownNow();
    }

    private void scheduleSweep() {
        timers.schedule(this::sweep, SWEEP.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** Ends the exchanges silent past their limit; goes on while any is watched (one that starts meanwhile restarts it). */
    private void sweep() {
        long now = System.nanoTime();
        watched.forEach(silence -> silence.check(now));
        if (watched.isEmpty()) {
            sweeping.set(false);
            if (watched.isEmpty() || !sweeping.compareAndSet(false, true)) {
                return;
            }
        }
        scheduleSweep();
    }

    /** One call's deadline; closing it (when the call ends) stops the clock. */
    final class Deadline implements AutoCloseable {

        private final AtomicBoolean passed = new AtomicBoolean();
        private final ScheduledFuture<?> timer;

        private Deadline(Duration limit, Cancellation stop) {
            this.timer = timers.schedule(() -> {
                passed.set(true);
                stop.cancel();
            }, limit.toNanos(), TimeUnit.NANOSECONDS);
        }

        boolean passed() {
            return passed.get();
        }

        @Override
        public void close() {
            timer.cancel(false);
        }
    }

    /**
     * One exchange's silence: its reader says when it {@linkplain #heard heard} something (a volatile
     * read per read, a write at most once per sweep), and the sweep cancels it after {@code limit}
     * without, or at its {@linkplain #endBy end}, whichever comes first. Closing it stops the watch.
     */
    final class Silence implements AutoCloseable {

        private final long limitNanos;
        private final Cancellation stop;
        private volatile boolean heard;
        private volatile boolean ending;
        private volatile long endNanos;
        private volatile boolean expired;
        private long lastHeard = System.nanoTime();

        private Silence(long limitNanos, Cancellation stop) {
            this.limitNanos = limitNanos;
            this.stop = stop;
        }

        /** The exchange made progress (wrote its request, read some of the reply). */
        void heard() {
            if (!heard) {
                heard = true;
            }
        }

        /** Ends the exchange at {@code limit} from now even if it is not silent (the rest of a body being drained). */
        void endBy(Duration limit) {
            endNanos = System.nanoTime() + limit.toNanos();
            ending = true;
        }

        /** Whether the watch ended the exchange: it was silent past its limit or ran past its end. */
        boolean expired() {
            return expired;
        }

        @Override
        public void close() {
            watched.remove(this);
        }

        private void check(long now) {
            if (heard) {
                heard = false;
                lastHeard = now;
            }
            if (now - lastHeard >= limitNanos || ending && now - endNanos >= 0) {
                watched.remove(this);
                expired = true;
                stop.cancel();
            }
        }
    }
}
