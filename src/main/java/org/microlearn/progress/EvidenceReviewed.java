package org.microlearn.progress;

import java.time.Instant;

/** A coach reviewed a teacher's apply-it evidence. Published inside the review's transaction. */
public record EvidenceReviewed(
        long platformId,
        Long courseId,
        long educatorId,
        long lessonId,
        long attemptId,
        EvidenceStatus status,
        Instant reviewedAt) {}
