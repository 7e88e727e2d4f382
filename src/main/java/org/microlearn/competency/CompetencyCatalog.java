package org.microlearn.competency;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Reads competency frameworks. Every method that takes a platform id sees only what that platform
 * may see: the built-in framework and the district's own.
 */
public interface CompetencyCatalog {

    /** The CASE identifier of the built-in framework (Microlearn Educator Competencies). */
    String BUILT_IN_FRAMEWORK_UUID = "2f0c9e51-7d3b-4c8e-9a61-5b2f8d4e1a70";

    List<FrameworkSummary> frameworks(long platformId);

    Optional<Framework> framework(long platformId, long frameworkId);

    /** The built-in framework, once the library has loaded. */
    Optional<Framework> builtInFramework();

    /** The competencies with these ids that the platform may see, in framework order. */
    List<CompetencyRef> competencies(long platformId, Collection<Long> ids);

    /** Every competency the platform may see, in framework order. */
    List<CompetencyRef> allCompetencies(long platformId);

    /** A competency of the built-in framework by its code, e.g. {@code INS.2}. */
    Optional<CompetencyRef> builtInCompetency(String code);

    /**
     * Competencies the platform may see with this CASE identifier, its own frameworks first (a
     * district may hold a copy of the built-in framework with the same identifiers).
     */
    List<CompetencyRef> competenciesByUuid(long platformId, String uuid);
}
