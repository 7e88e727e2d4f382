package org.microlearn.lti.deeplinking;

import java.util.List;
import java.util.Optional;

/**
 * The lessons a coach can place in an LMS course through deep linking. The lesson catalogue
 * provides it (wired in by the lesson module's adapter); until then the picker says that the
 * catalogue is not available. Every query is scoped to the coach's platform.
 */
public interface DeepLinkableContent {

    /**
     * A lesson as the picker shows it.
     *
     * @param minutes how long it takes (about ten)
     * @param competencies the educator competencies it builds, as display names
     * @param domain the competency domain, e.g. "Instruction"
     * @param stages the career stages it is meant for, e.g. "Novice"
     */
    record Item(
            String id,
            String title,
            String summary,
            int minutes,
            List<String> competencies,
            String domain,
            List<String> stages) {

        public Item {
            competencies = competencies == null ? List.of() : List.copyOf(competencies);
            stages = stages == null ? List.of() : List.copyOf(stages);
        }
    }

    /**
     * Narrowing a search; null means any.
     *
     * @param competency a competency's display name the lesson builds
     * @param maxMinutes lessons that take at most this long
     */
    record Filters(String domain, String stage, String competency, Integer maxMinutes) {

        public Filters(String domain, String stage) {
            this(domain, stage, null, null);
        }

        public static Filters none() {
            return new Filters(null, null, null, null);
        }

        /** Whether an item passes every filter that is set. */
        public boolean admits(Item item) {
            return (domain == null || domain.equals(item.domain()))
                    && (stage == null || item.stages().contains(stage))
                    && (competency == null || item.competencies().contains(competency))
                    && (maxMinutes == null || item.minutes() <= maxMinutes);
        }
    }

    /** Lessons matching the query (blank: all) and filters, best first. */
    List<Item> search(long platformId, String query, Filters filters);

    /** One lesson by id, if the platform may use it. */
    default Optional<Item> find(long platformId, String id) {
        return search(platformId, "", Filters.none()).stream()
                .filter(item -> item.id().equals(id))
                .findFirst();
    }
}
