package org.microlearn.assignment.domain;

import java.time.Instant;
import java.time.LocalDate;
import org.microlearn.shared.CareerStage;

/**
 * A coach's request that teachers do a lesson, optionally by a date.
 *
 * @param courseId the course the coach assigned from (a stage assignment reaches that course's
 *     educators), or null for the whole platform
 */
public record Assignment(
        long id,
        long platformId,
        Long courseId,
        long lessonId,
        Target target,
        Long targetEducatorId,
        Long targetGroupId,
        CareerStage targetStage,
        LocalDate dueOn,
        String note,
        long assignedBy,
        Instant assignedAt) {

    public enum Target {
        EDUCATOR,
        GROUP,
        STAGE
    }

    public boolean overdue(LocalDate today) {
        return dueOn != null && dueOn.isBefore(today);
    }
}
