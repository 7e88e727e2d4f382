package org.microlearn.rubricsync.domain;

import org.microlearn.people.People;
import org.microlearn.progress.EvidenceReviewed;
import org.microlearn.progress.LessonCompleted;
import org.microlearn.rubric.RubricChanged;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Recomputes rubric levels whenever what they are made of changes: a completion, an evidence
 * review, or the district's rubric and mapping. Each listener runs after the triggering
 * transaction commits, in its own, and Spring Modulith retries it until it succeeds.
 */
@Component
class RubricSyncTriggers {

    private final RubricProgress progress;
    private final People people;

    RubricSyncTriggers(RubricProgress progress, People people) {
        this.progress = progress;
        this.people = people;
    }

    @ApplicationModuleListener
    void on(LessonCompleted completed) {
        progress.recompute(completed.platformId(), completed.educatorId(), null, false);
    }

    @ApplicationModuleListener
    void on(EvidenceReviewed reviewed) {
        progress.recompute(reviewed.platformId(), reviewed.educatorId(), null, false);
    }

    @ApplicationModuleListener
    void on(RubricChanged changed) {
        for (long educatorId : people.educatorIdsInCourses(changed.platformId())) {
            progress.recompute(changed.platformId(), educatorId, null, false);
        }
    }
}
