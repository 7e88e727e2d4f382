package org.microlearn.lti.services;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import org.microlearn.lti.launch.LtiClaims;

/**
 * An AGS score for one user in one line item.
 *
 * @param timestamp must increase strictly per user and line item: platforms ignore (Canvas) or
 *     refuse (Moodle) a score older than the one they hold
 */
public record Score(
        String userId,
        Double scoreGiven,
        Double scoreMaximum,
        String comment,
        Instant timestamp,
        String activityProgress,
        String gradingProgress,
        Instant startedAt,
        Instant submittedAt) {

    /**
     * The JSON body. For Canvas, its submission extension: {@code submitted_at} dates the
     * submission, and {@code new_submission} only for submitted work, so that a re-grade does not
     * add an attempt to the teacher's submission history.
     */
    Map<String, Object> toJson(boolean canvas) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("userId", userId);
        if (scoreGiven != null) {
            body.put("scoreGiven", scoreGiven);
            body.put("scoreMaximum", scoreMaximum);
        }
        if (comment != null && !comment.isBlank()) {
            body.put("comment", comment);
        }
        body.put("timestamp", iso(timestamp));
        body.put("activityProgress", activityProgress);
        body.put("gradingProgress", gradingProgress);
        if (startedAt != null || submittedAt != null) {
            Map<String, Object> submission = new LinkedHashMap<>();
            if (startedAt != null) {
                submission.put("startedAt", iso(startedAt));
            }
            if (submittedAt != null) {
                submission.put("submittedAt", iso(submittedAt));
            }
            body.put("submission", submission);
        }
        if (canvas) {
            Map<String, Object> extension = new LinkedHashMap<>();
            boolean submitted = "Submitted".equals(activityProgress) || "Completed".equals(activityProgress);
            extension.put("new_submission", submitted && submittedAt != null);
            if (submittedAt != null) {
                extension.put("submitted_at", iso(submittedAt));
            }
            body.put(LtiClaims.CANVAS_SUBMISSION_EXTENSION, extension);
        }
        return body;
    }

    /** ISO 8601 with milliseconds, the precision platforms keep. */
    static String iso(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MILLIS).toString();
    }
}
