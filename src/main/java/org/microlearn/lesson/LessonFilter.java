package org.microlearn.lesson;

import org.microlearn.shared.CareerStage;

/**
 * What to look for; {@code null} fields do not filter.
 *
 * @param domainId a competency domain: lessons aligned to any of its competencies
 * @param maxMinutes lessons that take at most this long
 * @param text words in the title or summary
 */
public record LessonFilter(Long competencyId, Long domainId, CareerStage stage, Integer maxMinutes, String text) {

    public static LessonFilter all() {
        return new LessonFilter(null, null, null, null, null);
    }
}
