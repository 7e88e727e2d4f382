package org.microlearn.rubric;

/**
 * A district's rubric was added (import, district copy) or changed (level names), and with it
 * possibly the competency → criterion mapping. Published inside the transaction that changed it,
 * so rubric progress can be recomputed.
 */
public record RubricChanged(long platformId, long rubricId) {}
