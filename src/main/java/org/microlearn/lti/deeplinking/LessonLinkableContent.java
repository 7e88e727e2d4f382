package org.microlearn.lti.deeplinking;

import java.util.List;
import org.microlearn.competency.CompetencyRef;
import org.microlearn.lesson.LessonCatalog;
import org.microlearn.lesson.LessonFilter;
import org.microlearn.lesson.LessonSummary;
import org.microlearn.shared.CareerStage;
import org.springframework.stereotype.Component;

/** The lesson catalogue as the deep linking picker sees it: published lessons of the platform. */
@Component
class LessonLinkableContent implements DeepLinkableContent {

    private final LessonCatalog lessons;

    LessonLinkableContent(LessonCatalog lessons) {
        this.lessons = lessons;
    }

    @Override
    public List<Item> search(long platformId, String query, Filters filters) {
        String text = query == null || query.isBlank() ? null : query.strip();
        return lessons.search(platformId, new LessonFilter(null, null, null, null, text)).stream()
                .map(LessonLinkableContent::item)
                .filter(filters::admits)
                .toList();
    }

    private static Item item(LessonSummary lesson) {
        return new Item(
                Long.toString(lesson.lessonId()),
                lesson.title(),
                lesson.summary(),
                lesson.estimatedMinutes(),
                lesson.competencies().stream().map(CompetencyRef::title).toList(),
                lesson.competencies().isEmpty()
                        ? null
                        : lesson.competencies().get(0).domainTitle(),
                lesson.careerStages().stream().sorted().map(CareerStage::label).toList());
    }
}
