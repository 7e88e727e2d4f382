package org.microlearn.rubric;

/** @param platformId the district that owns it, or {@code null} for the built-in rubric */
public record RubricSummary(long id, String uuid, Long platformId, String title, int criteria, int levels) {

    public boolean builtIn() {
        return platformId == null;
    }
}
