package org.microlearn.lesson.domain;

import java.util.List;
import java.util.Set;
import org.microlearn.lesson.LessonBody;
import org.microlearn.shared.CareerStage;

/**
 * An author's work in progress, kept exactly as typed (possibly incomplete) until it is published.
 *
 * @param estimatedMinutes what the author expects it to take; {@code null} until given
 */
public record LessonDraft(
        String title,
        String summary,
        Integer estimatedMinutes,
        Set<CareerStage> careerStages,
        List<Long> competencyIds,
        LessonBody body) {

    public LessonDraft {
        careerStages = careerStages == null ? Set.of() : Set.copyOf(careerStages);
        competencyIds = competencyIds == null ? List.of() : List.copyOf(competencyIds);
        body = body == null ? new LessonBody(List.of(), null, null, null) : body;
    }

    public static LessonDraft empty() {
        return new LessonDraft(null, null, 10, Set.of(), List.of(), null);
    }
}
