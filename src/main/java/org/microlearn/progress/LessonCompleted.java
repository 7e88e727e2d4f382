package org.microlearn.progress;

import java.time.Instant;

/**
 * A teacher finished a lesson (read, checked understanding, reflected, and handed in the apply-it
 * evidence). Published inside the transaction that records the completion.
 *
 * @param courseId the course the lesson was done in, or null outside a course
 * @param resourceLinkId the LTI resource link the teacher launched through, or null
 * @param evidencePending true while the apply-it evidence waits for a coach's review
 */
public record LessonCompleted(
        long platformId,
        Long courseId,
        long educatorId,
        long lessonId,
        long lessonVersionId,
        long attemptId,
        String resourceLinkId,
        Instant startedAt,
        Instant completedAt,
        boolean evidencePending) {}
