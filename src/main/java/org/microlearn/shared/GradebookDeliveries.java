package org.microlearn.shared;

import java.util.List;

/**
 * How the scores a module published as {@link GradebookScoreChanged} are faring on their way to
 * the LMS. Implemented by the lti module, which delivers them; lets a domain module show sync
 * status without knowing anything of LTI.
 */
public interface GradebookDeliveries {

    /**
     * The latest score of one column for one educator in one course.
     *
     * @param status SYNCED (the LMS has the latest score), PENDING (waiting or retrying) or FAILED
     * @param lastError the platform's last answer when not synced, else null
     */
    record ColumnStatus(long courseId, long educatorId, String resourceId, String status, String lastError) {}

    /** Every column status on the platform whose tag starts with {@code tagPrefix}. */
    List<ColumnStatus> statuses(long platformId, String tagPrefix);
}
