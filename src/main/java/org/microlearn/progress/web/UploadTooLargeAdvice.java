package org.microlearn.progress.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.microlearn.shared.Viewer;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

/**
 * Turns an evidence upload over the limit into the apply step with a friendly message (413)
 * instead of an error page. Other uploads keep Spring's default handling: the exception is
 * rethrown for them.
 */
@ControllerAdvice
class UploadTooLargeAdvice {

    private static final Pattern EVIDENCE = Pattern.compile("^/learn/lessons/(\\d{1,18})/evidence$");

    private final LessonPlayerController player;

    UploadTooLargeAdvice(LessonPlayerController player) {
        this.player = player;
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    String tooLarge(
            MaxUploadSizeExceededException exception,
            Viewer viewer,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model)
            throws MaxUploadSizeExceededException {
        Matcher evidence = EVIDENCE.matcher(
                request.getRequestURI().substring(request.getContextPath().length()));
        if (!evidence.matches()) {
            throw exception;
        }
        response.setStatus(HttpStatus.CONTENT_TOO_LARGE.value());
        return player.tooLarge(viewer, Long.parseLong(evidence.group(1)), request, model);
    }
}
