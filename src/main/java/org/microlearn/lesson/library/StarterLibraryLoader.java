package org.microlearn.lesson.library;

import java.time.Clock;
import java.util.List;
import org.microlearn.competency.CompetencyCatalog;
import org.microlearn.competency.CompetencyRef;
import org.microlearn.lesson.domain.LessonStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Loads the starter lessons at every start: each lesson whose identifier is not yet stored gets its
 * row and version 1. The INSERT IGNORE on the identifier makes a second node that starts at the
 * same moment wait for the first and then skip the lesson. A district removes a starter lesson
 * for itself (lesson_hidden), so loading again never brings it back.
 *
 * <p>Runs after the built-in framework and rubric, whose competencies the lessons name by code.
 */
@Component
@Order(300)
class StarterLibraryLoader implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(StarterLibraryLoader.class);

    private final LessonStore store;
    private final CompetencyCatalog competencies;
    private final JsonMapper mapper;
    private final TransactionTemplate transactions;
    private final Clock clock;

    StarterLibraryLoader(
            LessonStore store,
            CompetencyCatalog competencies,
            JsonMapper mapper,
            TransactionTemplate transactions,
            Clock clock) {
        this.store = store;
        this.competencies = competencies;
        this.mapper = mapper;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        int loaded = 0;
        for (StarterLibrary.LessonFile lesson : StarterLibrary.read(mapper)) {
            Boolean created = transactions.execute(status -> load(lesson));
            if (Boolean.TRUE.equals(created)) {
                loaded++;
            }
        }
        if (loaded > 0) {
            log.info("Loaded {} starter lessons", loaded);
        }
    }

    private boolean load(StarterLibrary.LessonFile lesson) {
        if (!store.insertLesson(null, lesson.identifier(), null)) {
            return false;
        }
        List<Long> aligned = lesson.competencies().stream()
                .map(code -> competencies
                        .builtInCompetency(code)
                        .map(CompetencyRef::id)
                        .orElseThrow(() -> new IllegalStateException(
                                "Starter lesson " + lesson.title() + " names unknown competency " + code)))
                .toList();
        store.publish(
                store.lessonId(null, lesson.identifier()),
                lesson.title(),
                lesson.summary(),
                lesson.estimatedMinutes(),
                lesson.careerStages(),
                aligned,
                lesson.body(),
                null,
                clock.instant());
        return true;
    }
}
