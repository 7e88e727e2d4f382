package org.microlearn.competency;

import java.util.List;

/**
 * The lengths our columns hold, checked before anything is written, so an over-long field is
 * reported with its place in the file instead of failing the insert.
 */
public final class CaseLimits {

    private CaseLimits() {}

    public static void check(CasePackage pkg, List<CaseProblem> problems) {
        CasePackage.Document doc = pkg.document();
        String at = "$.CFDocument";
        max(problems, at, doc.identifier(), "title", doc.title(), 300);
        max(problems, at, doc.identifier(), "creator", doc.creator(), 300);
        max(problems, at, doc.identifier(), "publisher", doc.publisher(), 300);
        max(problems, at, doc.identifier(), "uri", doc.uri(), 500);
        max(problems, at, doc.identifier(), "officialSourceURL", doc.officialSourceUrl(), 500);
        max(problems, at, doc.identifier(), "version", doc.version(), 50);
        max(problems, at, doc.identifier(), "language", doc.language(), 20);
        if (doc.licenseUri() != null) {
            max(
                    problems,
                    at,
                    doc.identifier(),
                    "licenseURI.title",
                    doc.licenseUri().title(),
                    300);
            max(
                    problems,
                    at,
                    doc.identifier(),
                    "licenseURI.uri",
                    doc.licenseUri().uri(),
                    500);
        }
        for (int i = 0; i < pkg.items().size(); i++) {
            CasePackage.Item item = pkg.items().get(i);
            String path = "$.CFItems[" + i + "]";
            max(problems, path, item.identifier(), "uri", item.uri(), 500);
            max(problems, path, item.identifier(), "humanCodingScheme", item.humanCodingScheme(), 50);
            max(problems, path, item.identifier(), "abbreviatedStatement", item.abbreviatedStatement(), 300);
            max(problems, path, item.identifier(), "fullStatement", item.fullStatement(), 10_000);
        }
    }

    public static void max(
            List<CaseProblem> problems, String path, String identifier, String field, String value, int max) {
        if (value != null && value.length() > max) {
            problems.add(new CaseProblem(
                    path, identifier, field, "is " + value.length() + " characters long; at most " + max + " fit"));
        }
    }
}
