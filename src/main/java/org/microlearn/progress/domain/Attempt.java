package org.microlearn.progress.domain;

import java.time.Instant;
import org.microlearn.progress.EvidenceStatus;
import org.microlearn.progress.ProgressReports.Status;

/**
 * A teacher's work on one lesson, pinned to the version it started on.
 *
 * @param furthestStep how far the teacher has come: sections 0..n-1, then check, reflection, apply
 *     (see {@link Steps}); {@code Steps.done()} once completed
 */
public record Attempt(
        long id,
        long platformId,
        long educatorId,
        Long courseId,
        long lessonId,
        long lessonVersionId,
        String resourceLinkId,
        int furthestStep,
        Integer checkOption,
        Boolean checkCorrect,
        int checkTries,
        String reflection,
        String evidenceLink,
        String evidenceNote,
        String evidenceFileId,
        Status status,
        EvidenceStatus evidenceStatus,
        String coachFeedback,
        Long reviewedBy,
        Instant reviewedAt,
        Instant sharedAt,
        Instant startedAt,
        Instant updatedAt,
        Instant completedAt,
        Instant submittedAt) {

    public boolean completed() {
        return status == Status.COMPLETED;
    }

    public boolean hasEvidence() {
        return evidenceLink != null || evidenceFileId != null || (evidenceNote != null && !evidenceNote.isBlank());
    }

    public boolean revisionRequested() {
        return evidenceStatus == EvidenceStatus.REVISION_REQUESTED;
    }
}
