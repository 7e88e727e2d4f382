package org.microlearn.lti.services;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PlatformRateLimiterTest {

    static ServiceProperties permits(double perSecond, Map<Long, Double> byPlatform) {
        return new ServiceProperties(
                "test",
                Duration.ofSeconds(1),
                Duration.ofSeconds(1),
                Duration.ofSeconds(60),
                Duration.ofMinutes(5),
                perSecond,
                byPlatform,
                10);
    }

    @Test
    void spacesCallsToOnePlatformEvenlyAndPlatformsIndependently() {
        Clock frozen = Clock.fixed(Instant.parse("2026-11-23T10:00:00Z"), ZoneOffset.UTC);
        List<Duration> waits = new ArrayList<>();
        PlatformRateLimiter limiter = new PlatformRateLimiter(permits(4, Map.of(2L, 1.0)), frozen, waits::add);

        for (int i = 0; i < 3; i++) {
            limiter.acquire(1);
        }
        limiter.acquire(2);
        limiter.acquire(2);

        // Platform 1 at 4/s: the second call waits 250 ms, the third 500 ms; platform 2 at 1/s.
        assertThat(waits).containsExactly(Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1));
    }

    @Test
    void aPlatformThatAskedForAPauseGetsNoCallsUntilThen() {
        Instant now = Instant.parse("2026-11-23T10:00:00Z");
        List<Duration> waits = new ArrayList<>();
        PlatformRateLimiter limiter =
                new PlatformRateLimiter(permits(1000, Map.of()), Clock.fixed(now, ZoneOffset.UTC), waits::add);

        limiter.pauseUntil(1, now.plusSeconds(30));
        limiter.acquire(1);

        assertThat(waits).containsExactly(Duration.ofSeconds(30));
        assertThat(limiter.pausedUntil(1)).isEqualTo(now.plusSeconds(30));
    }
}
