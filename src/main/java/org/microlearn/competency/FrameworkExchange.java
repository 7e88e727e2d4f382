package org.microlearn.competency;

import java.util.List;
import java.util.Optional;

/** Competency frameworks in and out as CASE packages (CFDocument, CFItems, isChildOf CFAssociations). */
public interface FrameworkExchange {

    /** The levels of a framework's isChildOf tree, top first. */
    List<String> LEVELS = List.of("domain", "competency", "indicator");

    /** Everything that would stop this package from being imported for this platform; empty if none. */
    List<CaseProblem> check(CasePackage pkg, long platformId);

    /**
     * Stores the package as a framework of the platform, all or nothing.
     *
     * @throws CaseImportException listing every problem, when there is any; nothing is stored then
     */
    FrameworkSummary importFramework(CasePackage pkg, long platformId);

    /** The framework as a CASE package, with the identifiers it was stored with. */
    Optional<CasePackage> export(long platformId, long frameworkId);

    /** The {@code uri} of an object stored without one (built-in content): a URN of its identifier. */
    static String uriOf(String storedUri, String uuid) {
        return storedUri != null ? storedUri : "urn:uuid:" + uuid;
    }
}
