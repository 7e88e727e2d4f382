package org.microlearn.competency;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.Map;

/**
 * The JSON binding of a 1EdTech CASE 1.0 {@code CFPackage}: the subset Microlearn reads and writes.
 *
 * <p>CASE carries both competency frameworks and evaluation rubrics (a rubric package is a
 * CFDocument of domains and criteria plus a CFRubric with the levels), so the binding lives in the
 * lowest module and the rubric module builds on it. Fields we do not model are ignored on import.
 * Dates are ISO 8601 instants; identifiers are UUIDs.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"CFDocument", "CFItems", "CFAssociations", "CFRubrics"})
public record CasePackage(
        @JsonProperty("CFDocument") Document document,
        @JsonProperty("CFItems") List<Item> items,
        @JsonProperty("CFAssociations") List<Association> associations,
        @JsonProperty("CFRubrics") List<Rubric> rubrics) {

    public static final String IS_CHILD_OF = "isChildOf";
    public static final String IS_RELATED_TO = "isRelatedTo";

    public CasePackage {
        items = items == null ? List.of() : List.copyOf(items);
        associations = associations == null ? List.of() : List.copyOf(associations);
        rubrics = rubrics == null ? null : List.copyOf(rubrics);
    }

    public boolean hasRubrics() {
        return rubrics != null && !rubrics.isEmpty();
    }

    /** A reference to another CASE object, possibly in another document. */
    @JsonPropertyOrder({"title", "identifier", "uri"})
    public record LinkUri(
            @JsonProperty("title") String title,
            @JsonProperty("identifier") String identifier,
            @JsonProperty("uri") String uri) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({
        "identifier",
        "uri",
        "creator",
        "title",
        "lastChangeDateTime",
        "officialSourceURL",
        "publisher",
        "description",
        "language",
        "version",
        "licenseURI"
    })
    public record Document(
            @JsonProperty("identifier") String identifier,
            @JsonProperty("uri") String uri,
            @JsonProperty("creator") String creator,
            @JsonProperty("title") String title,
            @JsonProperty("lastChangeDateTime") String lastChangeDateTime,
            @JsonProperty("officialSourceURL") String officialSourceUrl,
            @JsonProperty("publisher") String publisher,
            @JsonProperty("description") String description,
            @JsonProperty("language") String language,
            @JsonProperty("version") String version,
            @JsonProperty("licenseURI") LinkUri licenseUri) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({
        "identifier",
        "uri",
        "fullStatement",
        "abbreviatedStatement",
        "humanCodingScheme",
        "CFItemType",
        "lastChangeDateTime",
        "CFDocumentURI"
    })
    public record Item(
            @JsonProperty("identifier") String identifier,
            @JsonProperty("uri") String uri,
            @JsonProperty("fullStatement") String fullStatement,
            @JsonProperty("abbreviatedStatement") String abbreviatedStatement,
            @JsonProperty("humanCodingScheme") String humanCodingScheme,
            @JsonProperty("CFItemType") String itemType,
            @JsonProperty("lastChangeDateTime") String lastChangeDateTime,
            @JsonProperty("CFDocumentURI") LinkUri documentUri) {

        /** What people read as the item's name: the abbreviated statement, else the full one. */
        public String title() {
            return abbreviatedStatement != null && !abbreviatedStatement.isBlank()
                    ? abbreviatedStatement
                    : fullStatement;
        }
    }

    /**
     * @param extensions Microlearn writes {@code {"weight": 0.5}} on the isRelatedTo associations
     *     that map a rubric criterion to a competency (CASE has no weight on associations)
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({
        "identifier",
        "uri",
        "associationType",
        "sequenceNumber",
        "originNodeURI",
        "destinationNodeURI",
        "lastChangeDateTime",
        "CFDocumentURI",
        "extensions"
    })
    public record Association(
            @JsonProperty("identifier") String identifier,
            @JsonProperty("uri") String uri,
            @JsonProperty("associationType") String associationType,
            @JsonProperty("sequenceNumber") Integer sequenceNumber,
            @JsonProperty("originNodeURI") LinkUri origin,
            @JsonProperty("destinationNodeURI") LinkUri destination,
            @JsonProperty("lastChangeDateTime") String lastChangeDateTime,
            @JsonProperty("CFDocumentURI") LinkUri documentUri,
            @JsonProperty("extensions") Map<String, Object> extensions) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"identifier", "uri", "title", "description", "lastChangeDateTime", "CFRubricCriteria"})
    public record Rubric(
            @JsonProperty("identifier") String identifier,
            @JsonProperty("uri") String uri,
            @JsonProperty("title") String title,
            @JsonProperty("description") String description,
            @JsonProperty("lastChangeDateTime") String lastChangeDateTime,
            @JsonProperty("CFRubricCriteria") List<RubricCriterion> criteria) {

        public Rubric {
            criteria = criteria == null ? List.of() : List.copyOf(criteria);
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({
        "identifier",
        "uri",
        "category",
        "description",
        "CFItemURI",
        "weight",
        "position",
        "rubricId",
        "lastChangeDateTime",
        "CFRubricCriterionLevels"
    })
    public record RubricCriterion(
            @JsonProperty("identifier") String identifier,
            @JsonProperty("uri") String uri,
            @JsonProperty("category") String category,
            @JsonProperty("description") String description,
            @JsonProperty("CFItemURI") LinkUri itemUri,
            @JsonProperty("weight") Double weight,
            @JsonProperty("position") Integer position,
            @JsonProperty("rubricId") String rubricId,
            @JsonProperty("lastChangeDateTime") String lastChangeDateTime,
            @JsonProperty("CFRubricCriterionLevels") List<RubricCriterionLevel> levels) {

        public RubricCriterion {
            levels = levels == null ? List.of() : List.copyOf(levels);
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({
        "identifier",
        "uri",
        "description",
        "quality",
        "score",
        "feedback",
        "position",
        "rubricCriterionId",
        "lastChangeDateTime"
    })
    public record RubricCriterionLevel(
            @JsonProperty("identifier") String identifier,
            @JsonProperty("uri") String uri,
            @JsonProperty("description") String description,
            @JsonProperty("quality") String quality,
            @JsonProperty("score") Double score,
            @JsonProperty("feedback") String feedback,
            @JsonProperty("position") Integer position,
            @JsonProperty("rubricCriterionId") String rubricCriterionId,
            @JsonProperty("lastChangeDateTime") String lastChangeDateTime) {}
}
