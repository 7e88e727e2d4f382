package org.microlearn.progress;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

/**
 * Progress as coaches, assignments and the admin dashboard read it. Every method is scoped to the
 * platform; none of it is shown to teachers other than for their own records.
 */
public interface ProgressReports {

    /** Where an attempt stands. */
    enum Status {
        IN_PROGRESS,
        COMPLETED
    }

    /**
     * One educator's attempt at one lesson (there is at most one per educator and lesson).
     *
     * @param minutes the lesson version's estimated minutes: professional learning time
     * @param evidence null until the evidence is handed in
     * @param coachFeedback the coach's latest feedback on the evidence, or null
     */
    record AttemptSummary(
            long attemptId,
            long educatorId,
            Long courseId,
            long lessonId,
            long lessonVersionId,
            String title,
            Status status,
            EvidenceStatus evidence,
            Instant startedAt,
            Instant completedAt,
            int minutes,
            List<Long> competencyIds,
            String coachFeedback,
            Instant reviewedAt) {

        public AttemptSummary {
            competencyIds = List.copyOf(competencyIds);
        }

        public boolean completed() {
            return status == Status.COMPLETED;
        }
    }

    /** The attempts of these educators. */
    List<AttemptSummary> attempts(long platformId, Collection<Long> educatorIds);

    /** Every attempt in the platform, for the admin dashboard. */
    List<AttemptSummary> allAttempts(long platformId);

    /** How many handed-in pieces of evidence wait for a coach. */
    int pendingReviews(long platformId);

    /** How many of these educators' handed-in pieces of evidence wait for a coach. */
    int pendingReviews(long platformId, Collection<Long> educatorIds);

    /**
     * How far an educator's completed lessons reach into each criterion of the platform's rubric
     * (its own rubric if it has one, else the built-in one), least progress first.
     */
    List<CriterionProgress> criterionProgress(long platformId, long educatorId);

    /** The same for a set of attempts (e.g. a group's or the whole platform's). */
    List<CriterionProgress> criterionProgress(long platformId, List<AttemptSummary> attempts);
}
