package io.confab.application.retention;

import io.confab.domain.port.MessageRepository;
import io.confab.domain.port.RetentionPolicy;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Erases what the retention no longer keeps (SPEC §16): untouched conversations past their own or
 * the server's retention, deleted ones past the deleted retention. It runs every {@link #PERIOD}
 * on a background thread of every instance; the store makes running it on several at once safe.
 */
public final class RetentionJob implements AutoCloseable {

    /** How often a purge runs; the first one a minute after start-up. */
    public static final Duration PERIOD = Duration.ofMinutes(10);
    private static final Duration FIRST = Duration.ofMinutes(1);
    private static final System.Logger LOG = System.getLogger(RetentionJob.class.getName());

    private final MessageRepository messages;
    private final RetentionPolicy policy;
    private final Clock clock;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("confab-retention").daemon().factory());

    public RetentionJob(MessageRepository messages, RetentionPolicy policy, Clock clock) {
        this.messages = messages;
        this.policy = policy;
        this.clock = clock;
    }

    public void start() {
        timer.scheduleWithFixedDelay(this::purge, FIRST.toMillis(), PERIOD.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** One purge now; answers how many conversations it erased (0 when the store failed, which is logged). */
    public long purge() {
        try {
            long erased = messages.purge(policy, clock.instant());
            if (erased > 0) {
                LOG.log(System.Logger.Level.INFO, "retention: erased " + erased + " conversations");
            }
            return erased;
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "retention: the purge failed this round: " + e);
            return 0;
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
