package io.confab.domain.port;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * How long conversations are kept (SPEC §16): an untouched live conversation for its own retention
 * days, else {@code untouched} when set (else forever); a deleted one for {@code deleted} after its
 * deletion.
 */
public record RetentionPolicy(Optional<Duration> untouched, Duration deleted) {

    public static final Duration DEFAULT_DELETED = Duration.ofDays(30);

    public RetentionPolicy {
        Objects.requireNonNull(untouched, "untouched");
        Objects.requireNonNull(deleted, "deleted");
        if (deleted.isNegative() || untouched.filter(Duration::isNegative).isPresent()) {
            throw new IllegalArgumentException("retention must not be negative");
        }
    }

    /** The last activity an untouched live conversation kept for {@code days} may have had at {@code now}. */
    public static Instant cutoff(Instant now, int days) {
        return now.minus(Duration.ofDays(days));
    }
}
