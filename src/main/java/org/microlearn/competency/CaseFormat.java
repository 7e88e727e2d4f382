package org.microlearn.competency;

import java.util.List;

/** Reads and writes CASE 1.0 JSON. Reading never throws on bad input: it reports every problem. */
public interface CaseFormat {

    /**
     * Parses a {@code CFPackage}, bare or wrapped as {@code {"CFPackage": {...}}}, and checks each
     * object for the fields CASE requires and their types (UUID identifiers, ISO 8601 dates).
     */
    Parsed read(String json);

    /** Pretty-printed JSON, fields in a fixed order, so the same package always gives the same text. */
    String write(CasePackage pkg);

    /** @param pkg what could be read ({@code null} only when the text is not a JSON object at all) */
    record Parsed(CasePackage pkg, List<CaseProblem> problems) {

        public Parsed {
            problems = List.copyOf(problems);
        }

        public boolean ok() {
            return pkg != null && problems.isEmpty();
        }
    }
}
