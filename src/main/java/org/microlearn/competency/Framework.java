package org.microlearn.competency;

import java.util.List;

/**
 * A whole competency framework: domains, their competencies and each competency's indicators, in
 * order.
 *
 * @param platformId the district that owns it, or {@code null} for the built-in framework
 */
public record Framework(
        long id,
        String uuid,
        Long platformId,
        String title,
        String description,
        String creator,
        String version,
        String licenseTitle,
        String licenseUri,
        List<Domain> domains) {

    public Framework {
        domains = List.copyOf(domains);
    }

    public boolean builtIn() {
        return platformId == null;
    }

    /** @param title short title; {@code statement} says what the domain covers */
    public record Domain(
            long id, String uuid, String code, String title, String statement, List<Competency> competencies) {

        public Domain {
            competencies = List.copyOf(competencies);
        }
    }

    public record Competency(
            long id, String uuid, String code, String title, String statement, List<Indicator> indicators) {

        public Competency {
            indicators = List.copyOf(indicators);
        }
    }

    /** An observable sign that an educator practises a competency. */
    public record Indicator(long id, String uuid, String code, String statement) {}
}
