package org.microlearn.competency;

import java.util.List;

/** A CASE file was not imported because of these problems; nothing was written. */
public class CaseImportException extends RuntimeException {

    private final transient List<CaseProblem> problems;

    public CaseImportException(List<CaseProblem> problems) {
        super(problems.size() + " problem(s) in the CASE file, first: " + problems.get(0));
        this.problems = List.copyOf(problems);
    }

    public List<CaseProblem> problems() {
        return problems;
    }
}
