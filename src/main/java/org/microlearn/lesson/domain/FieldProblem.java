package org.microlearn.lesson.domain;

/**
 * Something to fix in a lesson before it can be saved or published.
 *
 * @param field the form field, e.g. {@code sections[1].videoUrl} or {@code options[2].feedback}
 */
public record FieldProblem(String field, String message) {}
