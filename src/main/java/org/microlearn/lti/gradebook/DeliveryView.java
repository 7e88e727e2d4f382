package org.microlearn.lti.gradebook;

import java.time.Instant;

/** A delivery as the admin page and API show it. */
record DeliveryView(
        long id,
        long platformId,
        long courseId,
        String courseTitle,
        long educatorId,
        String educatorName,
        String column,
        Double scoreGiven,
        double scoreMaximum,
        Instant scoreTimestamp,
        String status,
        int attempts,
        Instant nextAttemptAt,
        Integer lastStatus,
        String lastError,
        Instant deliveredAt) {}
