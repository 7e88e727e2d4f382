package org.microlearn.lti.gradebook;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * A claimed delivery with everything needed to send it: the score, and where it goes as the
 * latest launches told us (resolved at send time, so a retry uses the newest endpoints).
 *
 * @param userId the educator's LTI subject, or null if unknown
 * @param linkLineItemUrl the line item of the column's resource link, if it has one
 */
record Delivery(
        long id,
        long version,
        String leaseOwner,
        long platformId,
        long courseId,
        long educatorId,
        String columnKey,
        String resourceId,
        String tag,
        String label,
        double columnMaximum,
        String resourceLinkId,
        Double scoreGiven,
        double scoreMaximum,
        String activityProgress,
        String gradingProgress,
        String comment,
        Instant scoreTimestamp,
        Instant startedAt,
        Instant submittedAt,
        Instant lastSentTimestamp,
        int attempts,
        String userId,
        String lineItemsUrl,
        String agsScopes,
        String productFamily,
        String linkLineItemUrl) {

    /**
     * The timestamp to send: the score's own, unless the platform already holds one at least as
     * late for this column (two changes within the same instant, or clocks of two nodes apart);
     * then 1 ms after that, since platforms drop a score that is not newer than the last.
     */
    Instant timestampToSend() {
        // Platforms keep milliseconds at best, so "later" is decided in milliseconds.
        Instant score = scoreTimestamp.truncatedTo(ChronoUnit.MILLIS);
        if (lastSentTimestamp != null) {
            Instant last = lastSentTimestamp.truncatedTo(ChronoUnit.MILLIS);
            if (!score.isAfter(last)) {
                return last.plusMillis(1);
            }
        }
        return score;
    }

    boolean isCanvas() {
        return "canvas".equalsIgnoreCase(productFamily);
    }
}
