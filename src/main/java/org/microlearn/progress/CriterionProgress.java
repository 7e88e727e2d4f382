package org.microlearn.progress;

/**
 * Progress toward one rubric criterion from completed lessons: each completed lesson adds the
 * weight with which its competencies map to the criterion (a competency counted once per lesson).
 *
 * @param score the sum of those weights
 * @param lessons how many completed lessons count toward it
 * @param educators how many different educators those lessons come from
 */
public record CriterionProgress(
        long criterionId,
        String code,
        String title,
        String domainTitle,
        long rubricId,
        String rubricTitle,
        double score,
        int lessons,
        int educators) {

    /** Code and title, e.g. "3b Questioning and discussion". */
    public String label() {
        return code == null ? title : code + " " + title;
    }
}
