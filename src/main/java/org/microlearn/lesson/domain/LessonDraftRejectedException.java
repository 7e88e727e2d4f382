package org.microlearn.lesson.domain;

import java.util.List;

/** The draft does not fit (too long, unsafe link); nothing was saved. */
public class LessonDraftRejectedException extends RuntimeException {

    private final transient List<FieldProblem> problems;

    public LessonDraftRejectedException(List<FieldProblem> problems) {
        super(problems.toString());
        this.problems = List.copyOf(problems);
    }

    public List<FieldProblem> problems() {
        return problems;
    }
}
