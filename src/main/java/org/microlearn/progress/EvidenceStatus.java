package org.microlearn.progress;

/** Where a completed lesson's apply-it evidence stands. */
public enum EvidenceStatus {
    /** Handed in, waiting for a coach. */
    PENDING,
    /** A coach accepted it as evidence of classroom practice. */
    APPROVED,
    /** A coach asked the teacher to revise it; the teacher sees this on their next launch. */
    REVISION_REQUESTED
}
