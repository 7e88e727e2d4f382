package org.microlearn.lesson.domain;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** Starter lessons are shared by every district: they are copied, not edited. */
@ResponseStatus(
        value = HttpStatus.CONFLICT,
        reason = "Starter lessons are shared by all districts: make a copy to adapt one")
public class LessonNotEditableException extends RuntimeException {}
