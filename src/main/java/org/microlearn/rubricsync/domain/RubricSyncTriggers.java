package org.microlearn.rubricsync.domain;

import org.microlearn.people.People;
import org.microlearn.progress.EvidenceReviewed;
import org.microlearn.progress.LessonCompleted;
import org.microlearn.rubric.RubricChanged;
import org.microlearn.shared.GradebookScoreDelivered;
import org.springframework.jdbc.core.simple.JdbcClient;
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
    private final JdbcClient jdbc;

    RubricSyncTriggers(RubricProgress progress, People people, JdbcClient jdbc) {
        this.progress = progress;
        this.people = people;
        this.jdbc = jdbc;
    }

    /** Keeps the status page true to what the LMS has: synced, pending (retrying) or failed. */
    @ApplicationModuleListener
    void on(GradebookScoreDelivered delivered) {
        if (delivered.tag() == null || !delivered.tag().startsWith(RubricProgress.TAG_PREFIX)) {
            return;
        }
        String status = switch (delivered.outcome()) {
            case DELIVERED -> "SYNCED";
            case RETRYING -> "PENDING";
            case FAILED -> "FAILED";
        };
        jdbc.sql("""
                        UPDATE rubric_progress SET delivery_status = ?, delivery_error = ?, delivery_at = ?
                        WHERE course_id = ? AND educator_id = ? AND resource_id = ? AND platform_id = ?
                            AND computed_at <= ?""")
                .params(
                        status,
                        delivered.error(),
                        java.sql.Timestamp.from(delivered.at()),
                        delivered.courseId(),
                        delivered.educatorId(),
                        delivered.resourceId(),
                        delivered.platformId(),
                        java.sql.Timestamp.from(delivered.scoreTimestamp()))
                .update();
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
