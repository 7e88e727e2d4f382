package org.microlearn.lti.gradebook;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Exponential backoff with jitter: base × 2^(attempt − 1), capped, then a random 50–100 % of it,
 * so deliveries that failed together (a platform outage) do not all come back at the same instant.
 */
record Backoff(Duration base, Duration max) {

    Duration after(int attempt) {
        long baseMillis = Math.max(1, base.toMillis());
        int exponent = Math.min(Math.max(attempt - 1, 0), 30);
        long capped = Math.min(max.toMillis(), baseMillis << exponent);
        long jittered = capped / 2 + ThreadLocalRandom.current().nextLong(capped / 2 + 1);
        return Duration.ofMillis(Math.max(1, jittered));
    }

    /** The platform's Retry-After when it gave one (never less than that), else our backoff. */
    Duration after(int attempt, Duration retryAfter) {
        return retryAfter != null ? retryAfter : after(attempt);
    }
}
