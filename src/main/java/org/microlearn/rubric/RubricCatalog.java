package org.microlearn.rubric;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Reads evaluation rubrics and the competency-to-criterion mapping. Every method that takes a
 * platform id sees only the built-in rubric and the district's own.
 */
public interface RubricCatalog {

    /** The CASE identifier of the built-in CFRubric (Microlearn Practice Rubric). */
    String BUILT_IN_RUBRIC_UUID = "8c1d7f3a-2b64-4e0f-b5a9-3e7d9c2f6b18";

    List<RubricSummary> rubrics(long platformId);

    Optional<Rubric> rubric(long platformId, long rubricId);

    Optional<Rubric> builtInRubric();

    /** The rubric's scale, lowest level first. */
    List<PerformanceLevel> levels(long rubricId);

    /** The criteria of visible rubrics this competency counts toward, strongest first. */
    List<MappedCriterion> mappedCriteria(long platformId, long competencyId);

    /** The same for several competencies at once (e.g. all of a lesson's alignments). */
    List<MappedCriterion> mappedCriteria(long platformId, Collection<Long> competencyIds);
}
