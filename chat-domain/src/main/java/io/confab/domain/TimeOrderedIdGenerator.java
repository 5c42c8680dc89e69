package io.confab.domain;

import io.confab.domain.port.IdGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * UUIDv7 ids (RFC 9562): 48 bits of Unix milliseconds, then a 12-bit counter and 62 random bits.
 * Ids from one generator are strictly increasing, even within a millisecond or when the clock
 * steps back, so they sort like creation order. The random bits come from several DRBG instances
 * picked by thread: one shared {@link SecureRandom} is a lock every concurrent caller queues on.
 */
public final class TimeOrderedIdGenerator implements IdGenerator {

    private static final long MAX_COUNTER = 0xFFF;
    private static final int RANDOM_STRIPES = 16;

    private final Clock clock;
    private final SecureRandom[] randoms = Stream.generate(TimeOrderedIdGenerator::drbg)
            .limit(RANDOM_STRIPES)
            .toArray(SecureRandom[]::new);
    private long lastMillis = -1;
    private long counter;

    public TimeOrderedIdGenerator(Clock clock) {
        this.clock = clock;
    }

    /** Time from the system clock. */
    public TimeOrderedIdGenerator() {
        this(Clock.systemUTC());
    }

    @Override
    public UUID next() {
        long millis;
        long sequence;
        synchronized (this) {
            long now = clock.millis();
            if (now > lastMillis) {
                lastMillis = now;
                counter = 0;
            } else if (++counter > MAX_COUNTER) {
                lastMillis++;
                counter = 0;
            }
            millis = lastMillis;
            sequence = counter;
        }
        long high = (millis << 16) | 0x7000L | sequence;
        long low = (randomBits() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
        return new UUID(high, low);
    }

    private long randomBits() {
        return randoms[(int) (Thread.currentThread().threadId() & (RANDOM_STRIPES - 1))].nextLong();
    }

    private static SecureRandom drbg() {
        try {
            return SecureRandom.getInstance("DRBG");
        } catch (NoSuchAlgorithmException e) {
            return new SecureRandom();
        }
    }
}
