package org.microlearn.rubric.domain;

import java.time.Instant;
import java.util.List;

/**
 * A rubric about to be stored, from the built-in library or from a CASE file, with its mapping to
 * competencies.
 *
 * @param platformId the owning district, or {@code null} for the built-in library
 */
public record RubricDraft(
        Long platformId,
        String uuid,
        String uri,
        String title,
        String description,
        Instant lastChange,
        String documentUuid,
        String documentUri,
        String documentTitle,
        String creator,
        String publisher,
        String version,
        String language,
        String licenseTitle,
        String licenseUri,
        Instant documentLastChange,
        List<Level> levels,
        List<Domain> domains,
        List<Mapping> mappings) {

    public record Level(String name, double score) {}

    public record Domain(
            String uuid,
            String uri,
            String code,
            String abbreviated,
            String full,
            String associationUuid,
            Instant lastChange,
            List<Criterion> criteria) {}

    /** @param descriptors one per level of the scale, lowest first */
    public record Criterion(
            String itemUuid,
            String itemUri,
            String code,
            String abbreviated,
            String full,
            String associationUuid,
            Instant itemLastChange,
            String criterionUuid,
            String criterionUri,
            Double weight,
            Instant criterionLastChange,
            List<Descriptor> descriptors) {}

    public record Descriptor(String uuid, String uri, String description, String feedback, Instant lastChange) {}

    /** @param criterionItemUuid the CFItem identifier of the criterion */
    public record Mapping(
            String criterionItemUuid, long competencyId, double weight, String associationUuid, Instant lastChange) {}
}
