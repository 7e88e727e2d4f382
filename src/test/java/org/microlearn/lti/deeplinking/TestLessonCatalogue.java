package org.microlearn.lti.deeplinking;

import java.util.List;
import java.util.Locale;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Primary;
import org.springframework.stereotype.Component;

/**
 * Three lessons for deep linking tests, standing in for the lesson module's catalogue (only in
 * contexts that set {@code microlearn.test.lesson-catalogue}, i.e. {@code @MicrolearnTest}).
 */
@Component
@Primary
@ConditionalOnProperty(name = "microlearn.test.lesson-catalogue", havingValue = "true")
class TestLessonCatalogue implements DeepLinkableContent {

    static final Item WAIT_TIME = new Item(
            "lesson-42",
            "Wait time after questions",
            "Three seconds of silence that change who answers.",
            10,
            List.of("Questioning techniques"),
            "Instruction",
            List.of("Novice", "Developing"));
    static final Item FEEDBACK = new Item(
            "lesson-43",
            "Feedback that moves learning",
            "Specific, timely, actionable: try it on one exit ticket.",
            9,
            List.of("Assessment for learning"),
            "Assessment",
            List.of("Developing"));
    static final Item ROUTINES = new Item(
            "lesson-44",
            "Opening routines",
            "The first five minutes, planned.",
            10,
            List.of("Classroom environment"),
            "Environment",
            List.of("Novice"));

    @Override
    public List<Item> search(long platformId, String query, Filters filters) {
        String q = query == null ? "" : query.toLowerCase(Locale.ROOT);
        return List.of(WAIT_TIME, FEEDBACK, ROUTINES).stream()
                .filter(item -> q.isBlank()
                        || item.title().toLowerCase(Locale.ROOT).contains(q)
                        || item.summary().toLowerCase(Locale.ROOT).contains(q))
                .filter(filters::admits)
                .toList();
    }
}
