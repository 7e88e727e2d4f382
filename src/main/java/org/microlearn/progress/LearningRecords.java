package org.microlearn.progress;

import java.time.Instant;
import java.util.List;

/** What a teacher has completed, for modules that roll progress up (rubric sync, credentials). */
public interface LearningRecords {

    /** One completed lesson and the state of its evidence (the latest attempt per lesson). */
    record CompletedLesson(
            long lessonId,
            long lessonVersionId,
            long attemptId,
            String title,
            Long courseId,
            Instant completedAt,
            EvidenceStatus evidence) {}

    /** Every lesson the educator has completed on this platform, oldest first. */
    List<CompletedLesson> completedLessons(long platformId, long educatorId);
}
