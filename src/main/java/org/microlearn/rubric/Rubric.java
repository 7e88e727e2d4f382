package org.microlearn.rubric;

import java.util.List;

/**
 * An evaluation rubric: its scale of performance levels and its criteria grouped in domains. Each
 * criterion describes practice at every level of the scale, in the same order.
 *
 * @param platformId the district that owns it, or {@code null} for the built-in rubric
 */
public record Rubric(
        long id,
        String uuid,
        Long platformId,
        String title,
        String description,
        String licenseTitle,
        String licenseUri,
        List<PerformanceLevel> levels,
        List<Domain> domains) {

    public Rubric {
        levels = List.copyOf(levels);
        domains = List.copyOf(domains);
    }

    public boolean builtIn() {
        return platformId == null;
    }

    public record Domain(long id, String uuid, String code, String title, String statement, List<Criterion> criteria) {

        public Domain {
            criteria = List.copyOf(criteria);
        }
    }

    /** @param descriptors what practice looks like at each level, lowest first */
    public record Criterion(
            long id, String uuid, String code, String title, String statement, List<String> descriptors) {

        public Criterion {
            descriptors = List.copyOf(descriptors);
        }

        /** Code and title, e.g. "3b Questioning and discussion". */
        public String label() {
            return code == null ? title : code + " " + title;
        }
    }
}
