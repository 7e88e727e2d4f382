package org.microlearn.rubric;

import java.util.List;
import java.util.Optional;
import org.microlearn.competency.CasePackage;
import org.microlearn.competency.CaseProblem;

/**
 * Rubrics in and out as CASE packages: a CFDocument whose CFItems are the rubric's domains and
 * criteria (isChildOf), a CFRubric whose CFRubricCriteria point at the criterion items and carry
 * the levels, and isRelatedTo associations from criterion items to competency items for the
 * mapping (weight in {@code extensions.weight}).
 */
public interface RubricExchange {

    List<String> LEVELS = List.of("domain", "criterion");

    /** Everything that would stop this package from being imported for this platform; empty if none. */
    List<CaseProblem> check(CasePackage pkg, long platformId);

    /**
     * Stores the package as a rubric of the platform, all or nothing.
     *
     * @throws org.microlearn.competency.CaseImportException listing every problem; nothing is stored
     */
    RubricSummary importRubric(CasePackage pkg, long platformId);

    Optional<CasePackage> export(long platformId, long rubricId);
}
