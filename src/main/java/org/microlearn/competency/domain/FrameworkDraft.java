package org.microlearn.competency.domain;

import java.time.Instant;
import java.util.List;

/**
 * A framework about to be stored, from the built-in library or from a CASE file. Nodes are the
 * domains; their children the competencies; theirs the indicators.
 *
 * @param platformId the owning district, or {@code null} for the built-in library
 */
public record FrameworkDraft(
        Long platformId,
        String uuid,
        String uri,
        String title,
        String description,
        String creator,
        String publisher,
        String version,
        String language,
        String licenseTitle,
        String licenseUri,
        String officialSourceUrl,
        Instant lastChange,
        List<Node> domains) {

    /**
     * @param abbreviated the short title (CASE abbreviatedStatement), may be {@code null}
     * @param full the full statement (CASE fullStatement)
     * @param associationUuid the identifier of the isChildOf association to the parent
     */
    public record Node(
            String uuid,
            String uri,
            String code,
            String abbreviated,
            String full,
            String associationUuid,
            Instant lastChange,
            List<Node> children) {}
}
