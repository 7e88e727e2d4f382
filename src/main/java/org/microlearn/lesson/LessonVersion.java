package org.microlearn.lesson;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.microlearn.shared.CareerStage;

/**
 * One published, immutable version of a lesson: what an attempt shows, however the lesson changes
 * later.
 *
 * @param id the version's id, which attempts keep
 * @param version 1, 2, ... per lesson
 * @param competencyIds the competencies it is aligned to, in the author's order
 */
public record LessonVersion(
        long id,
        long lessonId,
        String lessonUuid,
        int version,
        String title,
        String summary,
        int estimatedMinutes,
        Set<CareerStage> careerStages,
        List<Long> competencyIds,
        LessonBody body,
        Instant publishedAt) {

    public LessonVersion {
        careerStages = Set.copyOf(careerStages);
        competencyIds = List.copyOf(competencyIds);
    }
}
