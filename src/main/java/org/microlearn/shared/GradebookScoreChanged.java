package org.microlearn.shared;

import java.time.Instant;

/**
 * A score that belongs in the LMS gradebook changed: a lesson was completed or reviewed, or a
 * rubric criterion level moved. Domain modules publish it inside the transaction that changed the
 * score; Spring Modulith's event publication registry stores it with that transaction, and the
 * {@code lti} module delivers it to the platform (Assignment and Grade Services) after commit,
 * retrying until the platform has it. The latest score of a column wins.
 *
 * @param column which gradebook column (line item) the score goes to
 * @param activityProgress Initialized, Started, InProgress, Submitted or Completed
 * @param gradingProgress FullyGraded, Pending, PendingManual, Failed or NotReady
 * @param timestamp when the score changed; strictly increasing per educator and column
 * @param startedAt when the work began, or null
 * @param submittedAt when the work was submitted, or null
 */
public record GradebookScoreChanged(
        long platformId,
        long courseId,
        long educatorId,
        Column column,
        double scoreGiven,
        double scoreMaximum,
        String activityProgress,
        String gradingProgress,
        String comment,
        Instant timestamp,
        Instant startedAt,
        Instant submittedAt) {

    /**
     * A gradebook column. When {@code resourceLinkId} is set (a lesson launched from a deep-linked
     * link), the score goes to that link's line item; otherwise the column is found or created by
     * {@code resourceId} and {@code tag} in the course.
     *
     * @param resourceId e.g. a lesson id or a rubric criterion's identifier
     * @param tag e.g. {@code lesson} or {@code rubric:<rubric-code>:<criterion-code>}
     * @param label the column title in the gradebook
     */
    public record Column(String resourceId, String tag, String label, double scoreMaximum, String resourceLinkId) {}
}
