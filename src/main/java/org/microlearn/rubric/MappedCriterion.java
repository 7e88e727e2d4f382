package org.microlearn.rubric;

/**
 * A rubric criterion a competency counts toward, and how strongly.
 *
 * @param weight in (0, 1]: the share of the competency's evidence that counts for this criterion
 */
public record MappedCriterion(
        long competencyId,
        long criterionId,
        String code,
        String title,
        long rubricId,
        String rubricTitle,
        double weight) {

    /** Code and title, e.g. "3b Questioning and discussion". */
    public String label() {
        return code == null ? title : code + " " + title;
    }
}
