package org.microlearn.lti.services;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Spaces the calls this node makes to one platform: at most the configured permits per second,
 * evenly (no bursts), and none at all while the platform has asked us to back off (429 with
 * Retry-After). LMSs throttle per developer key, not per course, so the limit is per platform.
 */
@Component
public class PlatformRateLimiter {

    interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    private final ServiceProperties properties;
    private final Clock clock;
    private final Sleeper sleeper;
    private final Map<Long, Slot> slots = new ConcurrentHashMap<>();

    @Autowired
    PlatformRateLimiter(ServiceProperties properties, Clock clock) {
        this(properties, clock, duration -> Thread.sleep(duration.toMillis(), duration.toNanosPart() % 1_000_000));
    }

    PlatformRateLimiter(ServiceProperties properties, Clock clock, Sleeper sleeper) {
        this.properties = properties;
        this.clock = clock;
        this.sleeper = sleeper;
    }

    /** Waits until the next call to the platform may go out. */
    public void acquire(long platformId) {
        Duration wait = slots.computeIfAbsent(platformId, id -> new Slot()).reserve(platformId);
        if (!wait.isZero() && !wait.isNegative()) {
            try {
                sleeper.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting to call platform " + platformId, e);
            }
        }
    }

    /** No call to the platform before {@code until} (it answered 429 with Retry-After). */
    public void pauseUntil(long platformId, Instant until) {
        slots.computeIfAbsent(platformId, id -> new Slot()).pauseUntil(until);
    }

    /** When the platform may be called again, if it asked us to pause. */
    public Instant pausedUntil(long platformId) {
        Slot slot = slots.get(platformId);
        return slot == null ? Instant.MIN : slot.pausedUntil();
    }

    private final class Slot {
        private Instant nextFree = Instant.MIN;
        private Instant pausedUntil = Instant.MIN;

        synchronized Duration reserve(long platformId) {
            Instant now = clock.instant();
            Instant start = max(max(now, nextFree), pausedUntil);
            long intervalNanos = (long) (1_000_000_000L / properties.permitsPerSecond(platformId));
            nextFree = start.plusNanos(intervalNanos);
            return Duration.between(now, start);
        }

        synchronized void pauseUntil(Instant until) {
            pausedUntil = max(pausedUntil, until);
        }

        synchronized Instant pausedUntil() {
            return pausedUntil;
        }
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
