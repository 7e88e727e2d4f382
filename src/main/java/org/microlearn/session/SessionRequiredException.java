package org.microlearn.session;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** A page that needs a launched person was reached without a session token. */
@ResponseStatus(value = HttpStatus.UNAUTHORIZED, reason = "Open Microlearn from your course in the LMS")
class SessionRequiredException extends RuntimeException {}
