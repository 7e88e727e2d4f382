package org.microlearn.lti.admin;

import java.util.List;
import java.util.Map;
import org.microlearn.lti.registration.DuplicatePlatformException;
import org.microlearn.lti.registration.RegistrationProblem;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Turns bad admin API input into {@code application/problem+json} that names every wrong field,
 * as {@code errors: [{field, message}]}.
 */
@RestControllerAdvice(assignableTypes = {PlatformAdminApi.class, KeyAdminApi.class})
class AdminApiProblems {

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ProblemDetail invalid(MethodArgumentNotValidException e) {
        List<Map<String, String>> errors = e.getBindingResult().getFieldErrors().stream()
                .map(error -> Map.of("field", error.getField(), "message", String.valueOf(error.getDefaultMessage())))
                .sorted((a, b) -> a.get("field").compareTo(b.get("field")))
                .toList();
        return problem(HttpStatus.BAD_REQUEST, "Invalid platform registration", describe(errors), errors);
    }

    @ExceptionHandler(RegistrationProblem.class)
    ProblemDetail invalid(RegistrationProblem e) {
        List<Map<String, String>> errors = e.errors().stream()
                .map(error -> Map.of("field", error.field(), "message", error.message()))
                .toList();
        return problem(HttpStatus.BAD_REQUEST, "Invalid platform registration", describe(errors), errors);
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ProblemDetail unreadable(HttpMessageNotReadableException e) {
        String cause = e.getMostSpecificCause().getMessage();
        String firstLine = cause == null ? "" : cause.lines().findFirst().orElse("");
        return problem(
                HttpStatus.BAD_REQUEST,
                "Malformed JSON",
                "The request body is not valid JSON for this endpoint: " + firstLine,
                List.of());
    }

    @ExceptionHandler(DuplicatePlatformException.class)
    ProblemDetail duplicate(DuplicatePlatformException e) {
        ProblemDetail problem = problem(HttpStatus.CONFLICT, "Platform already registered", e.getMessage(), List.of());
        problem.setProperty("existingId", e.existingId());
        return problem;
    }

    private static ProblemDetail problem(
            HttpStatus status, String title, String detail, List<Map<String, String>> errors) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        if (!errors.isEmpty()) {
            problem.setProperty("errors", errors);
        }
        return problem;
    }

    private static String describe(List<Map<String, String>> errors) {
        return errors.stream()
                .map(error -> error.get("field") + " " + error.get("message"))
                .reduce((a, b) -> a + "; " + b)
                .orElse("Invalid input");
    }
}
