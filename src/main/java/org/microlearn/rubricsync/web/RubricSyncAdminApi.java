package org.microlearn.rubricsync.web;

import org.microlearn.rubricsync.domain.RubricResync;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Operators start a full rubric resync of a platform or course and follow its progress. */
@RestController
@RequestMapping("/api/admin/rubric-sync")
class RubricSyncAdminApi {

    record ResyncRequest(Long platformId, Long courseId) {}

    private final RubricResync resync;

    RubricSyncAdminApi(RubricResync resync) {
        this.resync = resync;
    }

    @PostMapping("/resync")
    ResponseEntity<RubricResync.Job> start(@RequestBody ResyncRequest request) {
        if (request.platformId() == null) {
            throw new IllegalArgumentException("platformId is required");
        }
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(resync.start(request.platformId(), request.courseId()));
    }

    @GetMapping("/platforms/{platformId}/jobs/{id}")
    ResponseEntity<RubricResync.Job> job(@PathVariable long platformId, @PathVariable long id) {
        return ResponseEntity.of(resync.job(platformId, id));
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ProblemDetail invalid(IllegalArgumentException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        problem.setTitle("Invalid resync request");
        return problem;
    }
}
