package org.microlearn.competency;

/**
 * One line of a list of frameworks.
 *
 * @param platformId the district that owns it, or {@code null} for the built-in framework
 */
public record FrameworkSummary(
        long id, String uuid, Long platformId, String title, String version, int domains, int competencies) {

    public boolean builtIn() {
        return platformId == null;
    }
}
