package org.microlearn.lesson.domain;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** No such lesson for this platform (another district's lessons do not exist for you). */
@ResponseStatus(value = HttpStatus.NOT_FOUND, reason = "There is no such lesson in your library")
public class LessonNotFoundException extends RuntimeException {}
