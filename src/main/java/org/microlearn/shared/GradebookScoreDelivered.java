package org.microlearn.shared;

import java.time.Instant;

/**
 * What became of a {@link GradebookScoreChanged}: published by the lti module after each delivery
 * attempt that settles something, so the module that owns the score can show its sync status.
 *
 * @param outcome DELIVERED, RETRYING (a transient failure; it will be tried again) or FAILED
 *     (the platform refused it for good; an admin can retry it)
 * @param error the platform's answer for RETRYING and FAILED, else null
 * @param scoreTimestamp the {@link GradebookScoreChanged#timestamp()} of the score this is about, so
 *     news of an older score never overwrites the status of a newer one
 */
public record GradebookScoreDelivered(
        long platformId,
        long courseId,
        long educatorId,
        String resourceId,
        String tag,
        Outcome outcome,
        String error,
        Instant scoreTimestamp,
        Instant at) {

    public enum Outcome {
        DELIVERED,
        RETRYING,
        FAILED
    }
}
