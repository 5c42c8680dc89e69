package io.confab.application.turn;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The instance's lease chores, on one background thread: at start, end the turns an earlier run
 * of this instance left; then, six times per lease period, renew the leases of the turns running
 * here (a turn whose lease was lost is cancelled: another instance already ended it) and end the
 * turns whose leases expired anywhere.
 */
final class TurnLeaseKeeper implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(TurnLeaseKeeper.class.getName());

    private final TurnRegistry registry;
    private final TurnLeasing leasing;
    private final LostTurns lostTurns;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("confab-turn-leases").daemon().factory());

    TurnLeaseKeeper(TurnRegistry registry, TurnLeasing leasing, LostTurns lostTurns) {
        this.registry = registry;
        this.leasing = leasing;
        this.lostTurns = lostTurns;
    }

    /** Ends what an earlier run left (before this instance starts any turn), then starts the rounds. */
    void start() {
        guarded(() -> lostTurns.recoverHeldBy(leasing.instance()));
        long period = Math.max(50, leasing.ttl().dividedBy(6).toMillis());
        timer.scheduleWithFixedDelay(this::tick, period, period, TimeUnit.MILLISECONDS);
    }

    /** One round of renewals and recoveries. */
    void tick() {
        guarded(this::renewRunning);
        guarded(lostTurns::recoverExpired);
    }

    private void renewRunning() {
        for (RunningTurn turn : registry.running()) {
            // a turn that let its lease go between the two looks has nothing to renew
            if (turn.holdsLease() && !leasing.renew(turn.id) && turn.holdsLease()) {
                LOG.log(System.Logger.Level.WARNING, "turn " + turn.id + " lost its lease (this instance stalled "
                        + "longer than " + leasing.ttl().toSeconds() + " s); cancelling it");
                turn.cancellation.cancel();
            }
        }
    }

    private static void guarded(Runnable chore) {
        try {
            chore.run();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "turn lease chores failed this round: " + e);
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
        try {
            timer.awaitTermination(Duration.ofSeconds(2).toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
