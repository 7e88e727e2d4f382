package org.microlearn.config;

import java.time.Duration;
import org.springframework.modulith.events.FailedEventPublications;
import org.springframework.modulith.events.ResubmissionOptions;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Gives failed event publications another go while the application runs, not only at the next
 * restart: a listener that failed (an LMS outage that outlasted its retries, a deadlock) or one
 * that went stale (its node died mid-way; see spring.modulith.events.staleness.*) is resubmitted
 * every minute. Every listener in Microlearn is idempotent (latest-value upserts), so a
 * publication handled twice changes nothing.
 */
@Component
class FailedEventResubmission {

    private final FailedEventPublications failed;

    FailedEventResubmission(FailedEventPublications failed) {
        this.failed = failed;
    }

    @Scheduled(fixedDelayString = "PT1M", initialDelayString = "PT1M")
    void resubmit() {
        failed.resubmit(ResubmissionOptions.defaults().withMinAge(Duration.ofSeconds(30)));
    }
}
