package org.microlearn.lti.registration;

import java.util.List;

/** A registration that cannot be saved, with every field that is wrong. */
public class RegistrationProblem extends RuntimeException {

    /** One wrong field. */
    public record FieldError(String field, String message) {}

    private final List<FieldError> errors;

    RegistrationProblem(List<FieldError> errors) {
        super(errors.stream()
                .map(e -> e.field() + " " + e.message())
                .reduce((a, b) -> a + "; " + b)
                .orElse(""));
        this.errors = List.copyOf(errors);
    }

    public List<FieldError> errors() {
        return errors;
    }
}
