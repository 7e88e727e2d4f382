package org.microlearn.lti.launch;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/**
 * A failed login or launch is a 4xx that names the check: an HTML page for people, or
 * {@code application/problem+json} (with a {@code check} member) for clients that ask for JSON.
 * Every failure is logged with the platform and the reason.
 */
@ControllerAdvice(basePackages = "org.microlearn.lti")
class LaunchErrors {

    private static final Logger log = LoggerFactory.getLogger(LaunchErrors.class);

    @ExceptionHandler(LaunchRejected.class)
    Object rejected(LaunchRejected rejected, HttpServletRequest request) {
        LaunchCheck check = rejected.check();
        log.warn(
                "LTI {} rejected: check={} platform={} reason={}",
                request.getRequestURI(),
                check.code(),
                rejected.platformId(),
                rejected.detail());
        if (wantsJson(request)) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(check.status(), rejected.detail());
            problem.setTitle(check.title());
            problem.setProperty("check", check.code());
            return ResponseEntity.status(check.status())
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(problem);
        }
        ModelAndView page = new ModelAndView("lti/launch-error");
        page.setStatus(check.status());
        page.addObject("check", check);
        page.addObject("detail", rejected.detail());
        return page;
    }

    private static boolean wantsJson(HttpServletRequest request) {
        String accept = request.getHeader("Accept");
        if (accept == null) {
            return false;
        }
        List<MediaType> types = MediaType.parseMediaTypes(accept);
        org.springframework.util.MimeTypeUtils.sortBySpecificity(types);
        for (MediaType type : types) {
            if (type.isCompatibleWith(MediaType.TEXT_HTML)) {
                return false;
            }
            if (type.isCompatibleWith(MediaType.APPLICATION_JSON)
                    || type.isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)) {
                return !type.isWildcardType();
            }
        }
        return false;
    }
}
