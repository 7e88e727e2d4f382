package org.microlearn.lesson;

import java.util.List;
import java.util.Set;
import org.microlearn.competency.CompetencyRef;
import org.microlearn.shared.CareerStage;

/**
 * A lesson in a list: its current published version.
 *
 * @param builtIn part of the starter library shared by all districts
 */
public record LessonSummary(
        long lessonId,
        long versionId,
        int version,
        String title,
        String summary,
        int estimatedMinutes,
        Set<CareerStage> careerStages,
        List<CompetencyRef> competencies,
        boolean builtIn) {

    public LessonSummary {
        careerStages = Set.copyOf(careerStages);
        competencies = List.copyOf(competencies);
    }
}
